/// The first word of every line of the agent–coordinator protocol (`docs/protocol.md`).
public enum ControlVerb: String, Sendable, CaseIterable, Codable {
    /// Server → client greeting: protocol version, server name, the nonce to authenticate against.
    case hello = "HELLO"
    /// Client → server: the HMAC answer to the greeting's nonce.
    case auth = "AUTH"
    /// A success answer to the line with the same id.
    case ok = "OK"
    /// An error answer (a ``ControlErrorBody``) to the line with the same id, or `-` when none.
    case err = "ERR"
    /// A heartbeat, either way; answered by `PONG` with the same id.
    case ping = "PING"
    /// The answer to `PING`.
    case pong = "PONG"
    /// Agent → coordinator: its full ``AgentState`` (on every connect, and whenever it changes).
    case state = "STATE"
    /// Agent → coordinator (and coordinator → watching operator): an ``AgentEvent``.
    case event = "EVENT"
    /// Coordinator → agent: an ``AgentCommand``; the line id is the command id.
    case cmd = "CMD"
    /// Agent → coordinator: the ``CommandResult`` of the command whose id the line carries.
    case ack = "ACK"
    /// Operator → coordinator: an ``OperatorRequest``.
    case req = "REQ"
    /// Either side: closing the connection on purpose.
    case bye = "BYE"
}
