import ControlProtocol
import FerryMetrics
import Foundation
import Logging
import MigrationStore

/// The coordinator's shared state: the agent registry, the connections to agents, the watchers, and the
/// commands in flight. One actor, so registry changes, dispatches and acks are serialized; every wait (a send,
/// a database write, an ack) is an `await` that leaves the actor free for other peers.
actor CoordinatorHub {
    /// One agent as the registry holds it.
    struct Entry {
        var summary: AgentSummary
        var state: AgentState?
        var stateJSON: String?
        var connection: Connection?
    }

    /// The live connection of an agent; `generation` tells a replaced connection's late disconnect apart.
    struct Connection {
        let channel: ControlChannel
        let generation: UInt64
    }

    let store: CoordinatorStore
    /// Commits acks in groups (one transaction for the acks that arrive together).
    let acks: AckBatcher
    let limits: CoordinatorConfiguration.Limits
    let defaultTimeout: Duration
    let logger: Logger
    /// Command outcomes by action and status (`ferry_coordinator_command_outcomes_total`), counted as each
    /// dispatch returns; the bootstrapped global factory's, a no-op one when the process has none.
    let metrics = CoordinatorMetrics()
    var agents: [String: Entry] = [:]
    var generations: UInt64 = 0
    var watchers: [UInt64: AsyncStream<CoordinatorUpdate>.Continuation] = [:]
    var watcherIds: UInt64 = 0
    var recentEvents: RecentEvents
    /// Per command id being dispatched: where its acks are delivered to the waiting dispatch.
    var collectors: [String: AsyncStream<String>.Continuation] = [:]
    var dispatchesInFlight = 0
    /// Ids of the commands being committed by their dispatch: their `CMD` goes out from that dispatch, never
    /// from the re-send of a connection made meanwhile.
    var creating: Set<String> = []

    /// A hub over `store`, with the registry loaded from it (every agent disconnected until it dials in).
    init(
        store: CoordinatorStore, limits: CoordinatorConfiguration.Limits, defaultTimeout: Duration, logger: Logger
    ) throws(MigrationStoreError) {
        self.store = store
        self.acks = AckBatcher { records throws(MigrationStoreError) in
            try await store.updateOutcomes(records, whereStatusIn: CoordinatorHub.unfinished)
        }
        self.limits = limits
        self.defaultTimeout = defaultTimeout
        self.logger = logger
        self.recentEvents = RecentEvents(capacity: limits.maxEventsKept)
        for record in try store.agents() {
            let state = record.stateJSON.flatMap { try? ControlJSON.decode(AgentState.self, from: $0) }
            self.agents[record.agentId] = Entry(
                summary: AgentSummary(
                    agentId: record.agentId, labels: record.labels, cluster: record.cluster, version: record.version,
                    connected: false, lastSeen: record.lastSeen, address: record.address),
                state: state, stateJSON: state == nil ? nil : record.stateJSON, connection: nil)
        }
    }

    // MARK: Registry

    /// Registers `channel` as agent `peer.id`'s connection, replacing (and closing) an earlier one, and re-sends
    /// the agent's unfinished commands on it. Returns the connection's generation, or nil when the id is new and
    /// the registry is full.
    func connect(_ peer: ControlPeer, channel: ControlChannel) async -> UInt64? {
        if self.agents[peer.id] == nil && self.agents.count >= self.limits.maxAgents { return nil }
        self.generations &+= 1
        let generation = self.generations
        var entry =
            self.agents[peer.id]
            ?? Entry(
                summary: AgentSummary(
                    agentId: peer.id, labels: [:], cluster: "", version: "", connected: true, lastSeen: Date(),
                    address: peer.remoteAddress),
                state: nil, stateJSON: nil, connection: nil)
        let replaced = entry.connection
        entry.connection = Connection(channel: channel, generation: generation)
        entry.summary.connected = true
        entry.summary.lastSeen = Date()
        entry.summary.address = peer.remoteAddress
        self.agents[peer.id] = entry
        let unfinished = self.unfinishedCommands(agentId: peer.id)
        if let replaced {
            self.logger.info("coordinator.agent.replaced", metadata: ["agent.id": "\(peer.id)"])
            Task { await replaced.channel.close() }
        }
        self.logger.info(
            "coordinator.agent.connected", metadata: ["agent.id": "\(peer.id)", "agent.addr": "\(peer.remoteAddress)"])
        await self.persist(peer.id)
        await self.resend(unfinished, to: peer.id, on: channel)
        return generation
    }

    /// Marks the agent disconnected, unless a newer connection replaced this one.
    func disconnect(agentId: String, generation: UInt64) async {
        guard var entry = self.agents[agentId], entry.connection?.generation == generation else { return }
        entry.connection = nil
        entry.summary.connected = false
        self.agents[agentId] = entry
        self.logger.info("coordinator.agent.disconnected", metadata: ["agent.id": "\(agentId)"])
        await self.persist(agentId)
    }

    /// Notes that a line came from the agent.
    func seen(_ agentId: String) {
        self.agents[agentId]?.summary.lastSeen = Date()
    }

    /// Takes the agent's full state (labels, cluster and version come from it), keeps it and tells watchers.
    func stateReceived(_ state: AgentState, json: String) async {
        guard var entry = self.agents[state.agentId] else { return }
        entry.summary.labels = state.labels
        entry.summary.cluster = state.cluster
        entry.summary.version = state.version
        entry.summary.lastSeen = Date()
        entry.state = state
        entry.stateJSON = json
        self.agents[state.agentId] = entry
        self.broadcast(.state(state))
        await self.persist(state.agentId)
    }

    /// Keeps the event among the recent ones and tells watchers.
    func eventReceived(_ event: AgentEvent) {
        self.seen(event.agentId)
        self.recentEvents.append(event)
        self.broadcast(.event(event))
    }

    /// The selected agents, by id.
    func agentList(_ selector: AgentSelector?) -> AgentList {
        AgentList(agents: self.selected(selector).map(\.summary))
    }

    /// The last state of each selected agent that sent one, by agent id.
    func states(_ selector: AgentSelector?) -> AgentStates {
        AgentStates(agents: self.selected(selector).compactMap(\.state))
    }

    func selected(_ selector: AgentSelector?) -> [Entry] {
        self.agents.values.filter { entry in
            selector?.matches(
                agentId: entry.summary.agentId, labels: entry.summary.labels, cluster: entry.summary.cluster) ?? true
        }.sorted { $0.summary.agentId < $1.summary.agentId }
    }

    private func persist(_ agentId: String) async {
        guard let entry = self.agents[agentId] else { return }
        let summary = entry.summary
        do {
            try await self.store.saveAgent(
                CoordinatorAgentRecord(
                    agentId: agentId, labels: summary.labels, cluster: summary.cluster, version: summary.version,
                    lastSeen: summary.lastSeen, address: summary.address, stateJSON: entry.stateJSON))
        } catch {
            self.logger.error(
                "coordinator.agent.saveFailed", metadata: ["agent.id": "\(agentId)", "error": "\(error)"])
        }
    }

    // MARK: Watchers

    /// A new watcher's stream: the last kept events first, then every update. The stream holds at most
    /// `limits.watcherQueue` updates; a watcher that falls that far behind is dropped (its stream finishes).
    func addWatcher() -> AsyncStream<CoordinatorUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: CoordinatorUpdate.self, bufferingPolicy: .bufferingOldest(self.limits.watcherQueue))
        for event in self.recentEvents.last(self.limits.watcherQueue / 2) { continuation.yield(.event(event)) }
        self.watcherIds &+= 1
        let id = self.watcherIds
        self.watchers[id] = continuation
        continuation.onTermination = { _ in Task { await self.removeWatcher(id) } }
        return stream
    }

    private func removeWatcher(_ id: UInt64) {
        self.watchers[id] = nil
    }

    private func broadcast(_ update: CoordinatorUpdate) {
        for (id, continuation) in self.watchers {
            if case .dropped = continuation.yield(update) {
                self.logger.warning("coordinator.watcher.dropped", metadata: ["watcher.id": "\(id)"])
                self.watchers[id] = nil
                continuation.finish()
            }
        }
    }
}
