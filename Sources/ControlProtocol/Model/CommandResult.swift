public import MigrationEngine
public import MigrationStore
public import TrafficMigration

/// The payload of an `ACK` line: how one command ended on one agent.
public struct CommandResult: Sendable, Codable, Equatable {
    /// True when the command did everything it was asked (every selected topic moved, the import had no failure).
    public var ok: Bool
    /// One line for a person: `3 moved, 1 refused`, `exported 120 topics`.
    public var summary: String
    /// Per topic, for the `migrate.*` actions: moved from → to, or refused with the reason.
    public var topics: [TopicOutcome]
    /// The readiness reports, for `migrate.check` (and the refusals of a step).
    public var readiness: [ReadinessReport]?
    /// The routes clients would get, for `migrate.preview`.
    public var routes: [RoutePreview]?
    /// The audit log rows, for `migrate.history`.
    public var history: [TrafficAuditEntry]?
    /// The error when the command could not run at all (bad task name, cluster unreachable).
    public var error: ControlErrorBody?
    /// The task's status table, for `migrate.status`.
    public var status: TrafficStatus?

    public init(
        ok: Bool, summary: String, topics: [TopicOutcome] = [], readiness: [ReadinessReport]? = nil,
        routes: [RoutePreview]? = nil, history: [TrafficAuditEntry]? = nil, error: ControlErrorBody? = nil,
        status: TrafficStatus? = nil
    ) {
        self.ok = ok
        self.summary = summary
        self.topics = topics
        self.readiness = readiness
        self.routes = routes
        self.history = history
        self.error = error
        self.status = status
    }
}

/// One topic's outcome of a stage step.
public struct TopicOutcome: Sendable, Codable, Equatable {
    /// The topic.
    public var topic: String
    /// Its stage before the command.
    public var from: MigrationStage?
    /// Its stage after the command (equal to `from` when refused).
    public var to: MigrationStage?
    /// Why it did not move; nil when it moved.
    public var refused: String?

    public init(topic: String, from: MigrationStage?, to: MigrationStage?, refused: String?) {
        self.topic = topic
        self.from = from
        self.to = to
        self.refused = refused
    }
}

/// The route clients would fetch for one topic after a step, as `migrate.preview` answers it.
public struct RoutePreview: Sendable, Codable, Equatable {
    /// The topic.
    public var topic: String
    /// Its stage now.
    public var from: MigrationStage
    /// The stage the preview is for.
    public var to: MigrationStage
    /// The route body exactly as the proxy would serve it (RocketMQ's own JSON), or nil when no cluster has the topic.
    public var routeJSON: String?

    public init(topic: String, from: MigrationStage, to: MigrationStage, routeJSON: String?) {
        self.topic = topic
        self.from = from
        self.to = to
        self.routeJSON = routeJSON
    }
}
