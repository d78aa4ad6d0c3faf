public import Foundation
public import MigrationEngine
public import MigrationStore

/// Runs `advance` and `rollback` over a task, in the order that makes a step safe:
///
/// 1. **asked** — the selection is resolved against the task and planned by ``StageMachine`` (one stage, per
///    topic; a topic that cannot move is refused with the reason);
/// 2. **checked** — built-in checks (today: a forward step is refused while a broker name exists in both
///    clusters), then the guard's ``StageStepGuard/check(_:)`` (readiness and health, next issue);
/// 3. **gated** — the guard's ``StageStepGuard/gate(_:)`` (Lua gates, next issue);
/// 4. **persisted** — every outcome, with audit rows and offset snapshots, in one transaction
///    (``TrafficStore/commit(task:direction:outcomes:audit:offsets:now:beforeCommit:)``);
/// 5. **in effect** — only after the commit: a routing proxy polling ``TrafficStore/changeToken()`` reloads.
///    ``afterCommit`` runs here: the seam between committed and in effect (the agent will notify its proxy
///    from it; tests stop there to play a crash).
///
/// Nothing before step 4 writes anything, so a refusal or a crash before it leaves the committed stages as
/// they were.
public struct StageStepRunner: Sendable {
    /// The state.
    public var store: TrafficStore
    /// Readiness checks and gates; default allows every move.
    public var stepGuard: any StageStepGuard
    /// The task's clusters, for the broker-name check and the offset snapshots; `nil` skips both (offline use,
    /// tests) and then a forward step cannot check broker names.
    public var clusters: TrafficClusters?
    /// Runs after the commit, before the step counts as in effect.
    public var afterCommit: @Sendable (StageStepReport) async throws -> Void
    /// The clock for audit rows and snapshots.
    public var now: @Sendable () -> Date

    /// A runner over `store`.
    public init(
        store: TrafficStore, stepGuard: any StageStepGuard = AllowAllStepGuard(), clusters: TrafficClusters? = nil,
        afterCommit: @escaping @Sendable (StageStepReport) async throws -> Void = { _ in },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.stepGuard = stepGuard
        self.clusters = clusters
        self.afterCommit = afterCommit
        self.now = now
    }

    /// Steps the topics of `task` that `selection` picks one stage in `direction`.
    /// - Throws: ``TrafficMigrationError`` for an unknown task; ``MigrationStoreError`` when the commit fails
    ///   (then nothing of the step was kept).
    public func run(
        task name: String, selection: MigrationTaskResolver.Selection, direction: StageDirection,
        audit: TrafficAuditContext
    ) async throws -> StageStepReport {
        guard let task = try self.store.task(named: name) else {
            throw TrafficMigrationError(.unknownTask, "no task named \(name)")
        }
        var outcomes = Self.plan(task: task, selection: selection, direction: direction)
        if direction == .advance, outcomes.contains(where: Self.isMove) {
            if let refusal = await self.brokerNameRefusal() {
                outcomes = outcomes.map { Self.refuse($0, reason: refusal) }
            }
        }
        var topics: [String: MigrationTopic] = [:]
        for topic in task.topics where topics[topic.name] == nil { topics[topic.name] = topic }
        for index in outcomes.indices {
            guard case .moved(let move) = outcomes[index], let topic = topics[move.topic] else { continue }
            let request = StageStepRequest(task: task, topic: topic, move: move, direction: direction)
            if case .refuse(let reason) = await self.stepGuard.check(request) {
                outcomes[index] = Self.refuse(outcomes[index], reason: "check: \(reason)")
            } else if case .refuse(let reason) = await self.stepGuard.gate(request) {
                outcomes[index] = Self.refuse(outcomes[index], reason: "gate: \(reason)")
            }
        }
        let moving = outcomes.compactMap { if case .moved(let move) = $0 { move.topic } else { nil } }
        let offsets = await self.clusters?.offsetSnapshots(of: moving, now: self.now()) ?? [:]
        let committed = try await self.store.commit(
            task: name, direction: direction, outcomes: outcomes, audit: audit, offsets: offsets, now: self.now())
        let report = StageStepReport(
            task: name, direction: direction, outcomes: committed, changeToken: try self.store.changeToken())
        try await self.afterCommit(report)
        return report
    }

    /// The planned outcomes; a selector matching no topic of the task is refused under its own text.
    static func plan(
        task: MigrationTask, selection: MigrationTaskResolver.Selection, direction: StageDirection
    ) -> [StageStepOutcome] {
        switch selection {
        case .all:
            return StageMachine.plan(task: task, selected: task.topics.map(\.name), direction: direction)
        case .selectors(let selectors):
            let (selected, unmatched) = TopicSelector.select(selectors, from: task.topics.map(\.name))
            return StageMachine.plan(task: task, selected: selected, direction: direction)
                + unmatched.map { .refused(topic: $0.pattern, stage: nil, reason: "matches no topic of task \(task.name)") }
        }
    }

    /// Why forward steps are refused at the cluster level: a broker name in both clusters, or no way to tell.
    private func brokerNameRefusal() async -> String? {
        guard let clusters = self.clusters else { return nil }
        do {
            let source = try await clusters.source.brokerNames()
            let target = try await clusters.target.brokerNames()
            let clash = RoutingTable.clashingBrokerNames(source: source, target: target)
            if clash.isEmpty { return nil }
            return "broker name \(clash.joined(separator: ", ")) exists in both clusters; clients could not tell "
                + "the brokers apart — rename the target's brokers before migrating"
        } catch {
            return "cannot check broker names on both clusters: \(error)"
        }
    }

    private static func isMove(_ outcome: StageStepOutcome) -> Bool {
        if case .moved = outcome { true } else { false }
    }

    private static func refuse(_ outcome: StageStepOutcome, reason: String) -> StageStepOutcome {
        guard case .moved(let move) = outcome else { return outcome }
        return .refused(topic: move.topic, stage: move.from, reason: reason)
    }
}
