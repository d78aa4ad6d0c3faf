public import Foundation
public import MigrationEngine
public import MigrationStore

/// Which topics an automatic advance may step now (`ferry migrate advance --auto`): those whose quiet window
/// since their last stage change has passed (``AutoAdvanceSchedule``) and whose checks and gates allow the
/// next stage. Asking changes nothing; only the topics it returns are handed to the step runner, so refusals
/// do not fill the audit log.
public struct AutoAdvancePlanner: Sendable {
    /// Where the stage-change times are read.
    public var store: TrafficStore
    /// The checks and gates.
    public var stepGuard: ReadinessStepGuard

    /// A planner over `store` and `stepGuard`.
    public init(store: TrafficStore, stepGuard: ReadinessStepGuard) {
        self.store = store
        self.stepGuard = stepGuard
    }

    /// The names of `topics` (of `task`) due for their next stage at `now`.
    public func dueTopics(_ topics: [MigrationTopic], task: MigrationTask, now: Date = Date()) async throws -> [String] {
        let changed = try self.store.stageChangedAt(task: task.name)
        let schedule = AutoAdvanceSchedule(task: task)
        let millis = Int64(now.timeIntervalSince1970 * 1000)
        var due: [String] = []
        for topic in topics {
            let last = changed[topic.name].map { Int64($0.timeIntervalSince1970 * 1000) }
            guard schedule.isDue(topic, lastChangedAt: last, now: millis), let next = topic.stage.next else { continue }
            let request = StageStepRequest(
                task: task, topic: topic, move: StageMove(topic: topic.name, from: topic.stage, to: next), direction: .advance)
            if await self.stepGuard.check(request) == .allow, await self.stepGuard.gate(request) == .allow {
                due.append(topic.name)
            }
        }
        return due
    }
}
