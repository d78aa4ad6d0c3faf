import RocketMQRemoting

/// What a ``RemotingServer`` routes requests to: the NameServer or the broker logic.
protocol RemotingRequestHandler: Sendable {
    /// Handles one request; the handler writes any response itself through `connection`.
    func handle(_ request: RemotingCommand, on connection: SandboxConnection) async
    /// Called once when a connection has closed.
    func connectionClosed(_ connection: SandboxConnection) async
}
