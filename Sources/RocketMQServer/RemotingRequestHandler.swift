public import RocketMQRemoting

/// What a ``RemotingServer`` routes requests to: NameServer, broker or proxy logic.
public protocol RemotingRequestHandler: Sendable {
    /// Handles one request; the handler writes any response itself through `connection`.
    func handle(_ request: RemotingCommand, on connection: RemotingConnection) async
    /// Called once when a connection has closed.
    func connectionClosed(_ connection: RemotingConnection) async
}
