/// The payload of a `CMD` line: what an operator asked one agent to do. The line id is the command id; an
/// agent that sees an id again answers from its own record instead of running the command twice.
public struct AgentCommand: Sendable, Codable, Equatable {
    /// The operation.
    public var action: AgentAction
    /// The task it applies to (the `migrate.*` actions).
    public var task: String?
    /// Topic selectors as `ferry migrate` takes them (names, or `group:NAME`); nil or empty with `all` = every topic.
    public var topics: [String]?
    /// Every topic of the task.
    public var all: Bool?
    /// Why, for the audit log.
    public var reason: String?
    /// Who asked (the operator's authenticated id), for the audit log; set by the coordinator, not the operator.
    public var actor: String?
    /// Override the readiness checks (never the gates); needs a reason.
    public var ignoreHealth: Bool?
    /// Roll back from Completed past the rollback window.
    public var force: Bool?
    /// Preview only: say what would change and what would be refused, change nothing.
    public var dryRun: Bool?
    /// Action-specific options (e.g. `hooks` for `metadata.plan`, `quietSeconds` for `migrate.create`).
    public var options: [String: String]?

    public init(
        action: AgentAction, task: String? = nil, topics: [String]? = nil, all: Bool? = nil, reason: String? = nil,
        actor: String? = nil, ignoreHealth: Bool? = nil, force: Bool? = nil, dryRun: Bool? = nil,
        options: [String: String]? = nil
    ) {
        self.action = action
        self.task = task
        self.topics = topics
        self.all = all
        self.reason = reason
        self.actor = actor
        self.ignoreHealth = ignoreHealth
        self.force = force
        self.dryRun = dryRun
        self.options = options
    }
}

/// What an agent can be asked to do; the raw values are the protocol's action names.
public enum AgentAction: String, Sendable, Codable, CaseIterable {
    /// Export the source cluster's metadata into the agent's state directory.
    case metadataExport = "metadata.export"
    /// Plan the import of the last export into the target (through the agent's hooks).
    case metadataPlan = "metadata.plan"
    /// Import the last plan into the target, journaled and resumable.
    case metadataImport = "metadata.import"
    /// Create a traffic migration task from the source's topics (idempotent by task name).
    case migrateCreate = "migrate.create"
    /// Run the readiness checks for the selected topics' next step; changes nothing.
    case migrateCheck = "migrate.check"
    /// Move the selected topics one stage forward (checked, gated, persisted).
    case migrateAdvance = "migrate.advance"
    /// Move the selected topics one stage back.
    case migrateRollback = "migrate.rollback"
    /// The task's status table.
    case migrateStatus = "migrate.status"
    /// The route clients would get after the next step (or `options["direction"] = "rollback"`), changing nothing.
    case migratePreview = "migrate.preview"
    /// The task's audit log (optionally for the selected topics only).
    case migrateHistory = "migrate.history"
    /// Reload the Lua hooks from the hooks directory.
    case hooksReload = "hooks.reload"
}
