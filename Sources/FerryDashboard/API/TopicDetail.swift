public import ControlProtocol
public import MigrationEngine
public import MigrationStore

/// `GET /api/topic?task=TASK&agent=ID&topic=TOPIC`: one topic's page.
public struct TopicDetail: Sendable, Codable, Equatable {
    /// The agent holding the topic.
    public var agentId: String
    /// The task.
    public var task: String
    /// The topic.
    public var topic: String
    /// Its row of the task page, when the agent reports it.
    public var row: TopicRow?
    /// Every readiness check of the next step (built-in ones and the health hooks' own).
    public var checks: [ReadinessCheckResult]
    /// The route clients would get after the next step forward (`migrate.preview`), per side as the proxy serves it.
    public var advanceRoutes: [RoutePreview]
    /// The route clients would get after a step back.
    public var rollbackRoutes: [RoutePreview]
    /// The audit rows: who asked what, why, with which overrides, and what the checks and hooks decided.
    public var history: [TrafficAuditEntry]
    /// What could not be fetched (an agent offline, a preview refused), one sentence each.
    public var problems: [String]
}
