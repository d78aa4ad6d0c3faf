import Logging
import RocketMQRemoting
import RocketMQServer

/// An in-process NameServer: ``NameServerState`` in a ``SerialState`` actor, served by a ``RemotingServer``, with the
/// periodic scan that expires silent brokers (`scanNotActiveBroker`).
final class SandboxNameServer: RemotingRequestHandler {
    private let state: SerialState<NameServerState>
    private let logger: Logger
    private let brokerTimeoutMillis: Int64

    init(orderMessageEnable: Bool, brokerTimeoutMillis: Int64, limits: SandboxLimits = SandboxLimits(), logger: Logger) {
        var state = NameServerState(orderMessageEnable: orderMessageEnable)
        state.maxKVEntries = limits.maxKVEntries
        state.maxTopics = limits.maxNameServerTopics
        state.maxBrokerNames = limits.maxNameServerBrokers
        self.state = SerialState(state)
        self.brokerTimeoutMillis = brokerTimeoutMillis
        self.logger = logger
    }

    func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {
        let response = await self.state.run { $0.handle(request, now: epochMillis(), connectionID: connection.id) }
        if let response { await connection.send(response) }
    }

    func connectionClosed(_ connection: RemotingConnection) async {
        let dropped = await self.state.run { $0.connectionClosed(id: connection.id) }
        for address in dropped {
            self.logger.info("sandbox nameserver dropped a broker whose connection closed", metadata: ["broker.addr": "\(address)"])
        }
    }

    /// Drops brokers that have not registered within the timeout; returns their addresses.
    @discardableResult
    func expireBrokers() async -> [String] {
        let timeout = self.brokerTimeoutMillis
        let expired = await self.state.run { $0.expireBrokers(now: epochMillis(), timeout: timeout) }
        for address in expired {
            self.logger.info("sandbox nameserver expired a silent broker", metadata: ["broker.addr": "\(address)"])
        }
        return expired
    }
}
