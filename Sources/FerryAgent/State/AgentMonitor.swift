import ControlProtocol
import FerryMetrics
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import TrafficMigration
import TrafficReadiness

/// Keeps the agent's ``AgentState`` current and notices what operators want to hear about as it happens.
///
/// A pass reads every task from the state file, refreshes its readiness facts, builds each topic's readiness
/// report and the status table (stage, traffic per side, consumed offsets and backlog per group and side,
/// effect), and compares with the previous pass:
/// stage changes (by the coordinator's commands or a local `ferry migrate` on the same file), checks that
/// passed and now fail, health hooks that now fail, and client hosts new to the proxy become events. Passes
/// run every ``AgentConfiguration/readiness`` interval and when poked (after a commit, or when the state
/// file's change token moves).
actor AgentMonitor {
    /// The most tasks one pass looks at (a state file holds a handful).
    static let maximumTasks = 64
    /// The most events of one kind one pass emits (a flood is summarised by the state itself).
    static let maximumEventsPerKind = 32

    private let context: AgentContext
    private let proxyState: @Sendable () -> ProxyState?
    private let events: AsyncStream<AgentEvent>.Continuation
    private let changes: AsyncStream<Void>.Continuation
    private let metrics: AgentMetrics?
    private let pokes: AsyncStream<Void>.Continuation
    private let pokeStream: AsyncStream<Void>
    private var current: AgentState
    private var baseline: Baseline?

    /// What the previous pass saw, to tell what is new.
    private struct Baseline {
        var stages: [String: MigrationStage] = [:]
        var failing: Set<String> = []
        var hookFailures: Set<String> = []
        var hosts: Set<String> = []
    }

    init(
        context: AgentContext, proxyState: @escaping @Sendable () -> ProxyState?,
        events: AsyncStream<AgentEvent>.Continuation, changes: AsyncStream<Void>.Continuation,
        metrics: AgentMetrics? = nil
    ) {
        self.context = context
        self.metrics = metrics
        self.proxyState = proxyState
        self.events = events
        self.changes = changes
        let (pokeStream, pokes) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.pokeStream = pokeStream
        self.pokes = pokes
        self.current = AgentState(
            agentId: context.configuration.agentId, labels: context.configuration.labels,
            cluster: context.configuration.cluster, version: FerryAgentService.version, takenAt: Date(),
            proxy: proxyState(), tasks: [])
    }

    /// The latest state.
    var state: AgentState { self.current }

    /// Asks for a pass soon (coalesced with any pass already asked for).
    nonisolated func poke() {
        self.pokes.yield()
    }

    /// Runs passes every `interval` and when poked; polls the state file's change token every second; until
    /// cancelled.
    func run(every interval: Duration) async {
        await withDiscardingTaskGroup { group in
            group.addTask { [pokes] in
                while !Task.isCancelled {
                    pokes.yield()
                    try? await Task.sleep(for: interval)
                }
            }
            group.addTask { [context, pokes] in
                var token = try? context.traffic.changeToken()
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    let now = try? context.traffic.changeToken()
                    if now != token {
                        token = now
                        pokes.yield()
                    }
                }
            }
            for await _ in self.pokeStream {
                if Task.isCancelled { break }
                await self.pass()
            }
            group.cancelAll()
        }
    }

    /// One pass: builds the state, emits what changed, signals a changed state.
    func pass() async {
        let tasks = Array(((try? self.context.traffic.tasks()) ?? []).prefix(Self.maximumTasks))
        var states: [AgentTaskState] = []
        var seen = Baseline()
        for task in tasks {
            let session = self.context.session(for: task)
            await session.cache.refresh(task: task)
            let guardian = session.stepGuard(hooks: self.context.hooks)
            var reports: [ReadinessReport] = []
            for topic in task.topics where topic.stage.next != nil {
                reports.append(await guardian.report(task: task, topic: topic))
            }
            for topic in task.topics { seen.stages["\(task.name)/\(topic.name)"] = topic.stage }
            for report in reports {
                for check in report.checks where !check.ok { seen.failing.insert("\(task.name)/\(report.topic)/\(check.name)") }
                if report.notes.contains(where: { $0.hasPrefix("health failed") }) {
                    seen.hookFailures.insert("\(task.name)/\(report.topic)")
                }
            }
            for record in (try? self.context.accesses.accesses(task: task.name)) ?? [] {
                seen.hosts.insert("\(task.name)/\(record.topic)/\(record.host)")
            }
            guard let status = await self.status(task) else { continue }
            states.append(AgentTaskState(status: status, readiness: reports))
        }
        if let previous = self.baseline { self.emit(from: previous, to: seen, reports: states) }
        self.baseline = seen
        var next = self.current
        next.proxy = self.proxyState()
        next.tasks = states
        next.takenAt = self.current.takenAt
        if next != self.current {
            next.takenAt = Date()
            self.current = next
            self.metrics?.publish(next)
            self.changes.yield()
        }
    }

    /// The task's status table with each topic's effect; nil when the task cannot be read (it was removed).
    private nonisolated func status(_ task: MigrationTask) async -> TrafficStatus? {
        let configuration = self.context.configuration
        var status: TrafficStatus
        do {
            // An unreachable cluster is reported in the rows, not thrown.
            status = try await TrafficClusters.with(
                source: configuration.source.nameServers, target: configuration.target.nameServers,
                sourceCredentials: self.context.sourceCredentials, targetCredentials: self.context.targetCredentials,
                logger: self.context.logger
            ) { clusters in
                try await TrafficStatusReporter(store: self.context.traffic, clusters: clusters)
                    .status(task: task.name, selection: .all)
            }
        } catch {
            self.context.logger.info(
                "agent.status.failed", metadata: ["migration.task": "\(task.name)", "error": "\(error)"])
            return nil
        }
        let cache = self.context.session(for: task).cache
        let effects = await cache.effects(task: task)
        let groups = await cache.groupTraffic(task: task)
        for index in status.topics.indices {
            if let effect = effects[status.topics[index].topic] { status.topics[index].effect = effect }
            if let rows = groups[status.topics[index].topic] { status.topics[index].consumerGroups = rows }
        }
        return status
    }

    private func emit(from previous: Baseline, to seen: Baseline, reports: [AgentTaskState]) {
        let agent = self.context.configuration.agentId
        func split(_ key: String) -> (task: String, topic: String) {
            let parts = key.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
        }
        let now = Date()
        let moved = seen.stages.filter { key, stage in previous.stages[key].map { $0 != stage } ?? false }
        for (key, stage) in moved.sorted(by: { $0.key < $1.key }).prefix(Self.maximumEventsPerKind) {
            let (task, topic) = split(key)
            let from = previous.stages[key].map { "\($0)" } ?? "?"
            self.events.yield(
                AgentEvent(agentId: agent, kind: .stageChanged, task: task, topic: topic, message: "\(topic): \(from) → \(stage)", at: now))
        }
        for key in seen.failing.subtracting(previous.failing).sorted().prefix(Self.maximumEventsPerKind) {
            let (task, topic) = split(key)
            let check = key.split(separator: "/").last.map(String.init) ?? ""
            let reason = reports.first { $0.status.task == task }?.readiness.first { $0.topic == topic }?
                .checks.first { $0.name == check }?.reason ?? ""
            self.events.yield(
                AgentEvent(
                    agentId: agent, kind: .checkFailed, task: task, topic: topic, message: "\(check): \(reason)", at: now))
        }
        for key in seen.hookFailures.subtracting(previous.hookFailures).sorted().prefix(Self.maximumEventsPerKind) {
            let (task, topic) = split(key)
            let note = reports.first { $0.status.task == task }?.readiness.first { $0.topic == topic }?
                .notes.first { $0.hasPrefix("health failed") } ?? "health failed"
            self.events.yield(AgentEvent(agentId: agent, kind: .hookError, task: task, topic: topic, message: note, at: now))
        }
        for key in seen.hosts.subtracting(previous.hosts).sorted().prefix(Self.maximumEventsPerKind) {
            let (task, topic) = split(key)
            let host = key.split(separator: "/", maxSplits: 2).last.map(String.init) ?? ""
            self.events.yield(
                AgentEvent(
                    agentId: agent, kind: .newProxyClient, task: task, topic: topic,
                    message: "\(host) asked the proxy for \(topic)", at: now))
        }
    }
}
