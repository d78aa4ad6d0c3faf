public import Foundation
public import MigrationEngine
public import TrafficMigration

/// The payload of a `STATE` line: everything an agent knows, sent whole on every (re)connect and whenever it
/// changes, so the coordinator never has to merge partial views.
public struct AgentState: Sendable, Codable, Equatable {
    /// The agent's id from its config (unique per coordinator).
    public var agentId: String
    /// Free-form labels from the agent's config (`env=prod`, `region=hz`), used by selectors.
    public var labels: [String: String]
    /// The name of the source cluster the agent sits beside.
    public var cluster: String
    /// The agent's build, e.g. `ferry-agent 0.3.0`.
    public var version: String
    /// When the agent took this snapshot.
    public var takenAt: Date
    /// The routing proxy's health, or nil when the agent runs no proxy.
    public var proxy: ProxyState?
    /// Every migration task the agent holds.
    public var tasks: [AgentTaskState]

    public init(
        agentId: String, labels: [String: String], cluster: String, version: String, takenAt: Date,
        proxy: ProxyState?, tasks: [AgentTaskState]
    ) {
        self.agentId = agentId
        self.labels = labels
        self.cluster = cluster
        self.version = version
        self.takenAt = takenAt
        self.proxy = proxy
        self.tasks = tasks
    }
}

/// The routing proxy's health as the agent sees it.
public struct ProxyState: Sendable, Codable, Equatable {
    /// Where the proxy listens (`host:port`), the address clients use as namesrvAddr.
    public var listen: String
    /// Whether the last route refresh reached the source NameServers.
    public var sourceReachable: Bool
    /// Whether the last route refresh reached the target NameServers.
    public var targetReachable: Bool
    /// Topics whose routes the proxy holds.
    public var cachedTopics: Int
    /// Why the proxy is degraded, or empty.
    public var warning: String

    public init(listen: String, sourceReachable: Bool, targetReachable: Bool, cachedTopics: Int, warning: String) {
        self.listen = listen
        self.sourceReachable = sourceReachable
        self.targetReachable = targetReachable
        self.cachedTopics = cachedTopics
        self.warning = warning
    }
}

/// One task on an agent: its status table (as `ferry migrate status --json` prints it) and the readiness of
/// each topic's next step from the agent's last gathering pass.
public struct AgentTaskState: Sendable, Codable, Equatable {
    /// Stage, traffic per side, clients moved and whether the stage is in effect, per topic.
    public var status: TrafficStatus
    /// The readiness of each topic's next forward step (topics at Completed have none).
    public var readiness: [ReadinessReport]

    public init(status: TrafficStatus, readiness: [ReadinessReport]) {
        self.status = status
        self.readiness = readiness
    }
}
