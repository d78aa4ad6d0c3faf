/// The payload of the server's `HELLO` greeting.
public struct Hello: Sendable, Codable, Equatable {
    /// The protocol version the server speaks (``ControlProtocolVersion/current``).
    public var `protocol`: Int
    /// Who is greeting, e.g. `ferry-coordinator 0.3.0`.
    public var server: String
    /// A fresh random nonce (32 lowercase hex digits) the client's HMAC answer must cover.
    public var nonce: String
    /// Authentication schemes accepted; `hmac-sha256` today.
    public var auth: [String]

    public init(protocol: Int, server: String, nonce: String, auth: [String] = ["hmac-sha256"]) {
        self.protocol = `protocol`
        self.server = server
        self.nonce = nonce
        self.auth = auth
    }
}

/// Who is on the other end of an authenticated connection.
public enum ControlRole: String, Sendable, Codable, CaseIterable {
    /// A `ferry-agent`: sends state, events and acks; receives commands.
    case agent
    /// An operator (`ferry ctl`, the dashboard): sends requests; may watch events.
    case `operator`
}

/// The payload of the client's `AUTH` line.
public struct AuthRequest: Sendable, Codable, Equatable {
    /// The protocol version the client speaks.
    public var `protocol`: Int
    /// The client's role.
    public var role: ControlRole
    /// The agent id, or an operator's name (recorded as "who" in audits).
    public var id: String
    /// The client's own fresh nonce (32 lowercase hex digits), covered by both MACs.
    public var nonce: String
    /// HMAC-SHA256 over the shared secret of the string in `docs/protocol.md`, lowercase hex.
    public var mac: String

    public init(protocol: Int, role: ControlRole, id: String, nonce: String, mac: String) {
        self.protocol = `protocol`
        self.role = role
        self.id = id
        self.nonce = nonce
        self.mac = mac
    }
}

/// The payload of the server's `OK` to `AUTH`: the server proves it knows the secret too.
public struct AuthAccepted: Sendable, Codable, Equatable {
    /// HMAC-SHA256 of the server's proof string (see `docs/protocol.md`), lowercase hex.
    public var mac: String
    /// Seconds between heartbeats each side sends; a peer silent for 3 intervals is dropped.
    public var heartbeatSeconds: Int

    public init(mac: String, heartbeatSeconds: Int) {
        self.mac = mac
        self.heartbeatSeconds = heartbeatSeconds
    }
}

/// Versions of the protocol.
public enum ControlProtocolVersion {
    /// The version this build speaks.
    public static let current = 1
}
