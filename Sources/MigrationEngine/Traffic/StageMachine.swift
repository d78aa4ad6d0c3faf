/// Which way a step moves a topic.
public enum StageDirection: String, Sendable, Codable, Hashable {
    /// One stage forward.
    case advance
    /// One stage back.
    case rollback
}

/// A topic's planned move: from its committed stage to the adjacent one.
public struct StageMove: Sendable, Equatable, Codable {
    /// The topic.
    public var topic: String
    /// Its committed stage.
    public var from: MigrationStage
    /// The stage it moves to.
    public var to: MigrationStage

    /// Makes a move.
    public init(topic: String, from: MigrationStage, to: MigrationStage) {
        self.topic = topic
        self.from = from
        self.to = to
    }
}

/// One topic's result in a batch step: moved, or refused with a reason (a refusal is a result, not an error).
public enum StageStepOutcome: Sendable, Equatable {
    /// The topic moved (once committed).
    case moved(StageMove)
    /// The topic stays where it is, and why.
    case refused(topic: String, stage: MigrationStage?, reason: String)

    /// The topic the outcome is about.
    public var topic: String {
        switch self {
        case .moved(let move): move.topic
        case .refused(let topic, _, _): topic
        }
    }
}

/// The pure stage machine: forward one stage at a time, back one stage from any stage, nothing else.
///
/// Modelled on `RequestCorrelationStateMachine`: no I/O, every decision returned as a value.
public enum StageMachine {
    /// The stage `direction` leads to from `stage`, or the reason there is none.
    public static func step(_ stage: MigrationStage, _ direction: StageDirection) -> Result<MigrationStage, StageRefusal> {
        switch direction {
        case .advance:
            guard let next = stage.next else { return .failure(StageRefusal("already \(stage); nothing to advance to")) }
            return .success(next)
        case .rollback:
            guard let previous = stage.previous else { return .failure(StageRefusal("at \(stage); nothing to roll back to")) }
            return .success(previous)
        }
    }

    /// Whether `from → to` is a move the machine allows (adjacent stages only).
    public static func allows(from: MigrationStage, to: MigrationStage) -> Bool {
        abs(from.rawValue - to.rawValue) == 1
    }

    /// Plans a batch step over `selected` topics of `task`, one outcome per selected name in the given order
    /// (duplicates once). A name the task does not hold is refused.
    public static func plan(task: MigrationTask, selected: [String], direction: StageDirection) -> [StageStepOutcome] {
        var byName: [String: MigrationTopic] = [:]
        for topic in task.topics where byName[topic.name] == nil { byName[topic.name] = topic }
        var seen = Set<String>()
        var outcomes: [StageStepOutcome] = []
        for name in selected where seen.insert(name).inserted {
            guard let topic = byName[name] else {
                outcomes.append(.refused(topic: name, stage: nil, reason: "not in task \(task.name)"))
                continue
            }
            switch step(topic.stage, direction) {
            case .success(let to): outcomes.append(.moved(StageMove(topic: name, from: topic.stage, to: to)))
            case .failure(let refusal):
                outcomes.append(.refused(topic: name, stage: topic.stage, reason: refusal.reason))
            }
        }
        return outcomes
    }
}

/// Why the stage machine refuses a move.
public struct StageRefusal: Error, Sendable, Equatable {
    /// A sentence for the operator.
    public var reason: String

    /// Makes a refusal.
    public init(_ reason: String) {
        self.reason = reason
    }
}
