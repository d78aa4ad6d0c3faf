import ControlProtocol
import FerryCoordinator
import MigrationEngine
import TrafficMigration
import UnixSignals

/// The demo's waiting mode: instead of walking the stages itself, the demo lets an operator move the topics on the
/// dashboard. Prints every stage change the agent reports, and ends when every topic is Completed, on SIGINT or
/// SIGTERM (Ctrl-C), or after a timeout; traffic keeps flowing meanwhile.
struct OperatorWait: Sendable {
    /// Why the wait ended.
    enum Ending: Sendable, Equatable {
        case completed
        case interrupted
        case timedOut
    }

    /// The task whose topics the operator moves.
    var task: String
    /// The agent holding the task.
    var agentId: String
    /// The coordinator's operations (the agent's reported state).
    var operations: CoordinatorOperations
    /// How often the agent's reported stages are read.
    var pollInterval: Duration = .seconds(1)
    /// Prints a line.
    var output: @Sendable (String) -> Void

    /// Waits until every one of `topics` is Completed, a signal arrives or `timeout` passes.
    func wait(for topics: [String], timeout: Duration) async -> Ending {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        return await withTaskGroup(of: Ending?.self) { group in
            group.addTask { await self.watch(topics) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .timedOut
            }
            group.addTask {
                for await _ in signals { return .interrupted }
                return nil
            }
            var ending = Ending.timedOut
            for await result in group {
                if let result {
                    ending = result
                    break
                }
            }
            group.cancelAll()
            return ending
        }
    }

    /// Reads the stages until every topic is Completed (nil when cancelled first), printing each change.
    private func watch(_ topics: [String]) async -> Ending? {
        var last: [String: TopicStage] = [:]
        while !Task.isCancelled {
            let stages = await self.stages()
            for topic in topics {
                guard let stage = stages[topic], last[topic] != stage else { continue }
                if let previous = last[topic] { self.output("  \(topic): \(previous.name) → \(stage.name)") }
                last[topic] = stage
            }
            if topics.allSatisfy({ (stages[$0]?.number ?? 0) >= MigrationStage.completed.rawValue }) { return .completed }
            try? await Task.sleep(for: self.pollInterval)
        }
        return nil
    }

    /// A topic's stage as the agent last reported it.
    private struct TopicStage: Equatable {
        var name: String
        var number: Int
    }

    private func stages() async -> [String: TopicStage] {
        let states = await self.operations.status(AgentSelector(ids: [self.agentId]))
        var stages: [String: TopicStage] = [:]
        for agent in states.agents where agent.agentId == self.agentId {
            for task in agent.tasks where task.status.task == self.task {
                for row in task.status.topics { stages[row.topic] = TopicStage(name: row.stage, number: row.stageNumber) }
            }
        }
        return stages
    }
}
