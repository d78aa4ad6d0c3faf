/// Who is on the other end of an authenticated connection.
public struct ControlPeer: Sendable, Equatable {
    /// The authenticated role (on a client: the role it authenticated as).
    public var role: ControlRole
    /// The agent id or operator name the client authenticated with.
    public var id: String
    /// The remote `host:port`.
    public var remoteAddress: String

    /// A peer.
    public init(role: ControlRole, id: String, remoteAddress: String) {
        self.role = role
        self.id = id
        self.remoteAddress = remoteAddress
    }
}
