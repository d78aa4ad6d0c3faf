public import MigrationEngine
public import RocketMQRemoting

/// What traffic migration reads from one cluster. ``RocketMQTrafficClusterReader`` asks a live cluster; tests
/// pass a fake. Every call is a read: nothing here changes a cluster.
public protocol TrafficClusterReader: Sendable {
    /// The cluster's user topics (no system, retry, DLQ or LMQ topics), sorted.
    func topicNames() async throws -> [String]
    /// The topic's route, or `nil` when the cluster does not have the topic (TOPIC_NOT_EXIST).
    func route(_ topic: String) async throws -> TopicRouteData?
    /// The topics ordered in the NameServer's ORDER_TOPIC_CONFIG or in any master broker's topic config.
    func orderedTopics() async throws -> Set<String>
    /// The user consumer groups that consume `topic`: online subscribers and groups with committed offsets.
    func groupsConsuming(_ topic: String) async throws -> [String]
    /// The sum of the per-queue max offsets of `topic` over the master brokers: grows by one per message written.
    /// 0 when the cluster does not have the topic.
    func maxOffsetTotal(_ topic: String) async throws -> Int64
    /// The names of the cluster's broker groups.
    func brokerNames() async throws -> Set<String>
}

/// The two clusters of a task.
public struct TrafficClusters: Sendable {
    /// The cluster traffic leaves.
    public var source: any TrafficClusterReader
    /// The cluster traffic moves to.
    public var target: any TrafficClusterReader

    /// Makes the pair.
    public init(source: any TrafficClusterReader, target: any TrafficClusterReader) {
        self.source = source
        self.target = target
    }

    /// The reader of `side`.
    public func reader(_ side: ClusterSide) -> any TrafficClusterReader {
        side == .source ? self.source : self.target
    }
}
