public import ControlProtocol
public import MigrationEngine

/// Walks every topic of a traffic task to Completed by dispatching `migrate.advance` again and again: each
/// topic moves when the agent's readiness checks and gates allow it, and a refused topic is asked again after
/// ``retryInterval``. Every move and every new refusal reason is printed as it happens.
public struct StageWalker: Sendable {
    /// Sends one command to the agent and returns its result (through the coordinator, in the demo).
    public typealias Dispatch = @Sendable (AgentCommand) async throws -> CommandResult

    /// The task whose topics move.
    public var task: String
    /// Pause before asking a refused topic again (default 1 s).
    public var retryInterval: Duration = .seconds(1)
    /// How long the whole walk may take before it gives up (default 4 minutes).
    public var timeout: Duration = .seconds(240)

    private let dispatch: Dispatch
    private let output: @Sendable (String) -> Void

    /// A walker for `task` that dispatches with `dispatch` and prints with `output`.
    public init(task: String, dispatch: @escaping Dispatch, output: @escaping @Sendable (String) -> Void) {
        self.task = task
        self.dispatch = dispatch
        self.output = output
    }

    /// Advances `topics` (all at `initial` or later) until every one is Completed.
    /// - Throws: ``LiveDemoError`` when the agent could not run a step at all, or the walk timed out (with the
    ///   topics still short of Completed and their last refusal).
    public func walk(_ topics: [String]) async throws {
        var stages = Dictionary(topics.map { ($0, MigrationStage.initial) }, uniquingKeysWith: { first, _ in first })
        var refusals: [String: String] = [:]
        let deadline = ContinuousClock.now + self.timeout
        while true {
            let pending = stages.filter { $0.value < .completed }.keys.sorted()
            if pending.isEmpty { return }
            guard ContinuousClock.now < deadline else {
                let waiting = pending.map { "\($0) at \(stages[$0] ?? .initial): \(refusals[$0] ?? "no answer")" }
                throw LiveDemoError("the walk timed out; " + waiting.joined(separator: "; "))
            }
            let result = try await self.dispatch(
                AgentCommand(action: .migrateAdvance, task: self.task, topics: pending, reason: "live demo"))
            if let error = result.error { throw LiveDemoError("migrate.advance failed: \(error.message)") }
            var moved = false
            for outcome in result.topics where stages[outcome.topic] != nil {
                if let reason = outcome.refused {
                    if refusals[outcome.topic] != reason { self.output("  \(outcome.topic): waiting, \(reason)") }
                    refusals[outcome.topic] = reason
                } else if let to = outcome.to {
                    let from = outcome.from.map { "\($0)" } ?? "?"
                    self.output("  \(outcome.topic): \(from) → \(to)")
                    stages[outcome.topic] = to
                    refusals[outcome.topic] = nil
                    moved = true
                }
            }
            if !moved { try await Task.sleep(for: self.retryInterval) }
        }
    }
}
