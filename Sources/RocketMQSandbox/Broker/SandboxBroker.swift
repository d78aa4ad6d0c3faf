import Logging
import NIOCore
import RocketMQRemoting
import RocketMQServer
import Synchronization

/// An in-process broker: ``BrokerState`` behind a lock, served by a ``RemotingServer``; registers with its
/// NameServer over the wire (at start, every `registerInterval`, and at once after topic or permission
/// changes), holds long-polling pulls, delivers delayed messages and expires silent clients.
final class SandboxBroker: RemotingRequestHandler {
    private let state: Mutex<BrokerState>
    private let connections = Mutex<[Int: RemotingConnection]>([:])
    private let registrar: NameServerRegistrar
    private let logger: Logger
    let configuration: BrokerConfiguration
    /// How often a held pull looks for new messages.
    let pollInterval: Duration

    init(configuration: BrokerConfiguration, pollInterval: Duration, logger: Logger) {
        self.configuration = configuration
        self.state = Mutex(BrokerState(configuration: configuration, now: epochMillis()))
        self.registrar = NameServerRegistrar(nameServerAddr: configuration.nameServerAddr)
        self.pollInterval = pollInterval
        self.logger = logger
    }

    func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {
        self.connections.withLock { if $0[connection.id] == nil { $0[connection.id] = connection } }
        let peer = BrokerState.Connection(id: connection.id, remoteAddress: connection.remoteAddress)
        let outcome = self.state.withLock { $0.handle(request, connection: peer, now: epochMillis()) }
        if let registration = outcome.registration { await self.register(registration) }
        if let response = outcome.response { await connection.send(response) }
        await self.push(outcome.pushes)
        if let deadline = outcome.suspendUntil { await self.hold(request, on: connection, until: deadline) }
    }

    func connectionClosed(_ connection: RemotingConnection) async {
        self.connections.withLock { $0[connection.id] = nil }
        let pushes = self.state.withLock { $0.connectionClosed(id: connection.id) }
        await self.push(pushes)
    }

    /// Long polling (`PullRequestHoldService`): re-reads the queue every ``pollInterval`` until messages arrive
    /// or the deadline passes, then answers as the real broker does.
    private func hold(_ request: RemotingCommand, on connection: RemotingConnection, until deadline: Int64) async {
        while connection.channel.isActive {
            do { try await Task.sleep(for: self.pollInterval) } catch { return }
            let now = epochMillis()
            let outcome = self.state.withLock {
                $0.handlePull(request, now: now, allowSuspend: now < deadline, storeOffset: false)
            }
            if let response = outcome.response {
                await connection.send(response)
                return
            }
        }
    }

    private func push(_ pushes: [(connectionID: Int, command: RemotingCommand)]) async {
        for (id, command) in pushes {
            if let connection = self.connections.withLock({ $0[id] }) { await connection.send(command) }
        }
    }

    /// Registers with the NameServer; a failure is logged and retried by the next periodic registration.
    func register(_ registration: BrokerOutcome.Registration = .all) async {
        let (topics, opaque) = self.state.withLock { state in
            switch registration {
            case .all, .allKeepingOrder: (state.registeredTopicConfigs(), state.takeOpaque())
            case .topic(let name): (state.registeredTopicConfigs(only: name), state.takeOpaque())
            }
        }
        do {
            let response = try await self.registrar.register(
                configuration: self.configuration, topics: topics, opaque: opaque)
            if registration != .allKeepingOrder { self.state.withLock { $0.registered(response, now: epochMillis()) } }
        } catch {
            self.logger.info(
                "sandbox broker registration failed",
                metadata: ["broker.name": "\(self.configuration.brokerName)", "error": "\(error)"])
        }
    }

    /// Unregisters from the NameServer (shutdown); errors are ignored.
    func unregister() async {
        let opaque = self.state.withLock { $0.takeOpaque() }
        try? await self.registrar.unregister(configuration: self.configuration, opaque: opaque)
    }

    /// Delivers due delayed messages; returns how many.
    @discardableResult
    func deliverDueMessages() -> Int {
        self.state.withLock { $0.deliverDueMessages(now: epochMillis()) }
    }

    /// Expires clients silent for `timeoutMillis` and notifies their groups.
    func expireClients(timeoutMillis: Int64) async {
        let pushes = self.state.withLock { $0.expireClients(now: epochMillis(), timeout: timeoutMillis) }
        await self.push(pushes)
    }
}
