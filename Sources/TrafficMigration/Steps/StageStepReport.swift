public import MigrationEngine

/// The result of one `advance` or `rollback` over a task: one outcome per selected topic.
public struct StageStepReport: Sendable, Equatable {
    /// The task.
    public var task: String
    /// advance or rollback.
    public var direction: StageDirection
    /// Per topic: moved (committed) or refused with the reason.
    public var outcomes: [StageStepOutcome]
    /// The store's change token after the commit.
    public var changeToken: Int64

    /// Makes a report.
    public init(task: String, direction: StageDirection, outcomes: [StageStepOutcome], changeToken: Int64) {
        self.task = task
        self.direction = direction
        self.outcomes = outcomes
        self.changeToken = changeToken
    }

    /// Whether every selected topic moved (the CLI's exit 0).
    public var everyTopicMoved: Bool {
        !self.outcomes.isEmpty && self.outcomes.allSatisfy { if case .moved = $0 { true } else { false } }
    }

    /// The moves that were committed.
    public var moves: [StageMove] {
        self.outcomes.compactMap { if case .moved(let move) = $0 { move } else { nil } }
    }
}
