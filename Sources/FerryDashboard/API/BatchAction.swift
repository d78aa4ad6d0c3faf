public import ControlProtocol
public import MigrationEngine

/// `POST /api/batch`: a stage step or a check for many topics of one task at once, previewed first.
public struct BatchRequest: Sendable, Codable, Equatable {
    /// The task.
    public var task: String
    /// What to do.
    public var action: BatchAction
    /// The topics, each on the agent that holds it.
    public var topics: [TopicRef]
    /// Preview only: what would change and what would be refused; nothing changes.
    public var dryRun: Bool
    /// Why, for the audit log.
    public var reason: String?
    /// Override the readiness checks (never the gates); needs a reason.
    public var ignoreHealth: Bool?

    /// Makes a request.
    public init(
        task: String, action: BatchAction, topics: [TopicRef], dryRun: Bool, reason: String? = nil,
        ignoreHealth: Bool? = nil
    ) {
        self.task = task
        self.action = action
        self.topics = topics
        self.dryRun = dryRun
        self.reason = reason
        self.ignoreHealth = ignoreHealth
    }

    /// Topics one request may name at most.
    public static let maxTopics = 20_000
    /// The longest reason accepted, in characters.
    public static let maxReasonLength = 1_000
}

/// The batch actions.
public enum BatchAction: String, Sendable, Codable, CaseIterable {
    /// One stage forward.
    case advance
    /// One stage back.
    case rollback
    /// Run the readiness checks of the next step; changes nothing.
    case check

    /// The agent command it becomes.
    var agentAction: AgentAction {
        switch self {
        case .advance: .migrateAdvance
        case .rollback: .migrateRollback
        case .check: .migrateCheck
        }
    }
}

/// A topic on one agent.
public struct TopicRef: Sendable, Codable, Equatable, Hashable {
    /// The agent holding the topic.
    public var agentId: String
    /// The topic.
    public var topic: String

    /// Makes a reference.
    public init(agentId: String, topic: String) {
        self.agentId = agentId
        self.topic = topic
    }
}

/// The answer to a ``BatchRequest``: per topic what changed (or would), and per agent how the command ended.
public struct BatchResult: Sendable, Codable, Equatable {
    /// The task.
    public var task: String
    /// The action.
    public var action: BatchAction
    /// Whether this was the preview.
    public var dryRun: Bool
    /// The operator it ran as (the audit's "who").
    public var actor: String
    /// Per topic, by agent then topic.
    public var topics: [BatchTopicOutcome]
    /// Per agent.
    public var agents: [BatchAgentOutcome]
}

/// What a batch did (or would do) to one topic.
public struct BatchTopicOutcome: Sendable, Codable, Equatable {
    /// The agent.
    public var agentId: String
    /// The topic.
    public var topic: String
    /// Its stage before.
    public var from: MigrationStage?
    /// Its stage after (equal to `from` when refused).
    public var to: MigrationStage?
    /// Why it did not (or would not) move; nil when it moved.
    public var refused: String?
    /// The failing readiness checks and notes, for a check or a refusal.
    public var reasons: [String]
}

/// How the batch's command ended on one agent.
public struct BatchAgentOutcome: Sendable, Codable, Equatable {
    /// The agent.
    public var agentId: String
    /// Where the command stands.
    public var status: OutcomeStatus
    /// The agent's one-line summary, when it answered.
    public var summary: String?
    /// Why the command could not run, when it could not.
    public var error: String?
}
