import Logging
import RocketMQRemoting
import RocketMQServer
import Synchronization

/// An in-process NameServer: ``NameServerState`` behind a lock, served by a ``RemotingServer``, with the
/// periodic scan that expires silent brokers (`scanNotActiveBroker`).
final class SandboxNameServer: RemotingRequestHandler {
    private let state: Mutex<NameServerState>
    private let logger: Logger
    private let brokerTimeoutMillis: Int64

    init(orderMessageEnable: Bool, brokerTimeoutMillis: Int64, logger: Logger) {
        self.state = Mutex(NameServerState(orderMessageEnable: orderMessageEnable))
        self.brokerTimeoutMillis = brokerTimeoutMillis
        self.logger = logger
    }

    func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {
        let response = self.state.withLock { $0.handle(request, now: epochMillis(), connectionID: connection.id) }
        if let response { await connection.send(response) }
    }

    func connectionClosed(_ connection: RemotingConnection) async {
        let dropped = self.state.withLock { $0.connectionClosed(id: connection.id) }
        for address in dropped {
            self.logger.info("sandbox nameserver dropped a broker whose connection closed", metadata: ["broker.addr": "\(address)"])
        }
    }

    /// Drops brokers that have not registered within the timeout; returns their addresses.
    @discardableResult
    func expireBrokers() -> [String] {
        let expired = self.state.withLock { $0.expireBrokers(now: epochMillis(), timeout: self.brokerTimeoutMillis) }
        for address in expired {
            self.logger.info("sandbox nameserver expired a silent broker", metadata: ["broker.addr": "\(address)"])
        }
        return expired
    }
}
