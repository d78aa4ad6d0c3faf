import Logging
import NIOCore
import RocketMQRemoting
import RocketMQServer
import Synchronization

/// An in-process broker: ``BrokerState`` in a ``SerialState`` actor, served by a ``RemotingServer``; registers
/// with its NameServer over the wire (at start, every `registerInterval`, and at once after topic or permission
/// changes), holds long-polling pulls, delivers delayed messages and expires silent clients.
final class SandboxBroker: RemotingRequestHandler {
    private let state: SerialState<BrokerState>
    private let connections = Mutex<[Int: RemotingConnection]>([:])
    private let heldPulls: HeldPulls
    private let registrar: NameServerRegistrar
    private let logger: Logger
    let configuration: BrokerConfiguration
    /// How often held pulls are looked at (``checkHeldPulls()``).
    let pollInterval: Duration

    init(configuration: BrokerConfiguration, pollInterval: Duration, logger: Logger) {
        self.configuration = configuration
        self.state = SerialState(BrokerState(configuration: configuration, now: epochMillis()))
        self.heldPulls = HeldPulls(limit: configuration.limits.maxHeldPulls)
        self.registrar = NameServerRegistrar(nameServerAddr: configuration.nameServerAddr)
        self.pollInterval = pollInterval
        self.logger = logger
    }

    func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {
        self.connections.withLock { if $0[connection.id] == nil { $0[connection.id] = connection } }
        let peer = BrokerState.Connection(id: connection.id, remoteAddress: connection.remoteAddress)
        // Read outside the state: even in linear time a 16 MiB body takes a while.
        let configBody = request.requestCode == .updateBrokerConfig ? BrokerState.readConfigBody(request) : nil
        let (outcome, stored) = await self.state.run { state in
            let before = state.store.commitLogMaxOffset
            let outcome = state.handle(request, connection: peer, now: epochMillis(), configBody: configBody)
            return (outcome, state.store.commitLogMaxOffset != before)
        }
        if stored { self.heldPulls.messagesArrived() }
        if let registration = outcome.registration { await self.register(registration) }
        if let response = outcome.response { await connection.send(response) }
        await self.push(outcome.pushes)
        if let deadline = outcome.suspendUntil,
            !self.heldPulls.hold(HeldPulls.Pull(request: request, connection: connection, deadline: deadline))
        {
            await connection.send(.response(to: request, code: .systemBusy, remark: RemotingServer.overloadRemark))
        }
    }

    func connectionClosed(_ connection: RemotingConnection) async {
        self.connections.withLock { $0[connection.id] = nil }
        let pushes = await self.state.run { $0.connectionClosed(id: connection.id) }
        await self.push(pushes)
    }

    /// Long polling (`PullRequestHoldService`), run every ``pollInterval``: when messages were stored since the
    /// last look, every held pull is retried; otherwise only those whose deadline passed are answered (as the real
    /// broker does at the deadline). Pulls of closed connections are dropped. One pass enters the state once.
    func checkHeldPulls() async {
        let now = epochMillis()
        let due = self.heldPulls.takeDue(now: now)
        guard !due.isEmpty else { return }
        let requests = due.map(\.request)
        let deadlines = due.map(\.deadline)
        let responses = await self.state.run { state in
            zip(requests, deadlines).map { request, deadline in
                state.handlePull(request, now: now, allowSuspend: now < deadline, storeOffset: false).response
            }
        }
        for (pull, response) in zip(due, responses) {
            if let response {
                await pull.connection.send(response)
            } else {
                self.heldPulls.putBack(pull)
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
        let (topics, opaque) = await self.state.run { state in
            switch registration {
            case .all, .allKeepingOrder: (state.registeredTopicConfigs(), state.takeOpaque())
            case .topic(let name): (state.registeredTopicConfigs(only: name), state.takeOpaque())
            }
        }
        do {
            let response = try await self.registrar.register(
                configuration: self.configuration, topics: topics, opaque: opaque)
            if registration != .allKeepingOrder {
                let now = epochMillis()
                await self.state.run { $0.registered(response, now: now) }
            }
        } catch {
            self.logger.info(
                "sandbox broker registration failed",
                metadata: ["broker.name": "\(self.configuration.brokerName)", "error": "\(error)"])
        }
    }

    /// Unregisters from the NameServer (shutdown); errors are ignored.
    func unregister() async {
        let opaque = await self.state.run { $0.takeOpaque() }
        try? await self.registrar.unregister(configuration: self.configuration, opaque: opaque)
    }

    /// Delivers due delayed messages; returns how many.
    @discardableResult
    func deliverDueMessages() async -> Int {
        let delivered = await self.state.run { $0.deliverDueMessages(now: epochMillis()) }
        if delivered > 0 { self.heldPulls.messagesArrived() }
        return delivered
    }

    /// Expires clients silent for `timeoutMillis` and notifies their groups.
    func expireClients(timeoutMillis: Int64) async {
        let pushes = await self.state.run { $0.expireClients(now: epochMillis(), timeout: timeoutMillis) }
        await self.push(pushes)
    }
}
