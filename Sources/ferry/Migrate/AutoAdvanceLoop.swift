import ArgumentParser
import Foundation
import MigrationEngine
import MigrationStore
import TrafficMigration
import TrafficReadiness

/// `ferry migrate advance NAME … --auto`: advances each selected topic by itself whenever its checks and
/// gates pass, at most one stage per quiet window (the task's quiet period since its last stage change),
/// until every selected topic is completed. Facts are refreshed every `interval`; write progress accumulates
/// across passes. Only steps that pass are handed to the step runner, so refusals do not fill the audit log.
struct AutoAdvanceLoop {
    let options: StepOptions
    let interval: Duration

    func run() async throws {
        let store = try self.options.state.store()
        guard let task = try store.task(named: self.options.name) else { throw fail("no task named \(self.options.name)") }
        let audit = TrafficAuditContext(
            actor: currentActor(), reason: self.options.reason ?? "auto",
            overrides: self.options.ignoreHealth ? ["health"] : [])
        let keys = try self.options.readiness.credentials.resolve()
        try await TrafficClusters.with(
            source: task.sourceNameServers, target: task.targetNameServers, sourceCredentials: keys.source,
            targetCredentials: keys.target
        ) { clusters in
            try await self.options.readiness.withGuard(task: task, state: self.options.state, options: self.options.guardOptions(audit)) { guardian, cache in
                let runner = StageStepRunner(store: store, stepGuard: guardian, clusters: clusters)
                while !Task.isCancelled {
                    guard let current = try store.task(named: self.options.name) else { return }
                    let topics = self.selected(current)
                    if topics.allSatisfy({ $0.stage == .completed }) {
                        print("every selected topic is completed")
                        return
                    }
                    await cache.refresh(task: current)
                    let due = try await AutoAdvancePlanner(store: store, stepGuard: guardian).dueTopics(topics, task: current)
                    if !due.isEmpty {
                        let report = try await runner.run(
                            task: current.name, selection: .selectors(due.map(TopicSelector.init)), direction: .advance,
                            audit: audit)
                        for case .moved(let move) in report.outcomes { print("\(move.topic): \(move.from) → \(move.to)") }
                    }
                    try await Task.sleep(for: self.interval)
                }
            }
        }
    }

    private func selected(_ task: MigrationTask) -> [MigrationTopic] {
        switch self.options.selection.selection {
        case .all: return task.topics
        case .selectors(let selectors):
            let names = Set(TopicSelector.select(selectors, from: task.topics.map(\.name)).selected)
            return task.topics.filter { names.contains($0.name) }
        }
    }
}
