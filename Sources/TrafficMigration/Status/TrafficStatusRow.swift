public import Foundation
public import MigrationEngine

/// One cluster's part of a topic's status.
public struct TrafficSideStatus: Sendable, Equatable, Codable {
    /// Whether producers write to this cluster at the topic's stage (the DESIGN.md stage table).
    public var producers: Bool
    /// Whether consumers read from this cluster at the topic's stage.
    public var consumers: Bool
    /// Messages written to the topic on this cluster since its stage last changed, when known.
    public var messagesSinceStageChange: Int64?
    /// Why ``messagesSinceStageChange`` is unknown (e.g. the cluster is unreachable).
    public var unavailableReason: String?

    /// Makes a side status.
    public init(producers: Bool, consumers: Bool, messagesSinceStageChange: Int64?, unavailableReason: String?) {
        self.producers = producers
        self.consumers = consumers
        self.messagesSinceStageChange = messagesSinceStageChange
        self.unavailableReason = unavailableReason
    }
}

/// One topic's row of `ferry migrate status` (and of its `--json`).
public struct TrafficStatusRow: Sendable, Equatable, Codable {
    /// The topic.
    public var topic: String
    /// The stage's name (`dual-read`).
    public var stage: String
    /// The stage's number (0–4).
    public var stageNumber: Int
    /// Whether the topic is ordered.
    public var ordered: Bool
    /// Its consumer groups.
    public var groups: [String]
    /// When its stage last changed.
    public var stageChangedAt: Date
    /// The source cluster's part.
    public var source: TrafficSideStatus
    /// The target cluster's part.
    public var target: TrafficSideStatus
    /// Clients on the proxy vs on the source only, when the proxy's access data is available.
    public var clients: TopicClients?
    /// Whether the facts show the stage in effect (clients poll routes every 30 s and rebalance every 20 s, so a
    /// committed stage reaches them later), when the facts were gathered.
    public var effect: StageEffect? = nil
    /// Each consumer group's consumed offsets and backlog on each side, from the last readiness pass (the
    /// agent's status carries them; `nil` where no pass ran, and in states from older agents).
    public var consumerGroups: [GroupTraffic]? = nil
}

/// `status` of a task.
public struct TrafficStatus: Sendable, Equatable, Codable {
    /// The task.
    public var task: String
    /// The source NameServers.
    public var sourceNameServers: [String]
    /// The target NameServers.
    public var targetNameServers: [String]
    /// The quiet period stored for the drain check, in seconds.
    public var quietPeriodSeconds: Int64
    /// One row per selected topic, in the task's order.
    public var topics: [TrafficStatusRow]
}
