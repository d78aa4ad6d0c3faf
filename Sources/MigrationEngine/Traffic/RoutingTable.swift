public import RocketMQRemoting

/// Which topics are migrating and at which stage, as the routing proxy needs it: built once from the committed
/// tasks and rebuilt whenever the store's change token moves.
///
/// A task's topics get their own stage. The retry topic `%RETRY%<group>` of a group that consumes any task
/// topic is at ``MigrationStage/initial`` while all that group's topics are, at ``MigrationStage/completed``
/// once all are, and at ``MigrationStage/dualRead`` in between: consumers of the group may run on either
/// cluster, and their retry messages must stay readable on both until the last topic is done. A topic listed
/// by several tasks takes the stage of the first task that lists it.
public struct RoutingTable: Sendable {
    private struct Entry: Sendable {
        var stage: MigrationStage
        var ordered: Bool
    }

    /// The retry topic prefix (`MixAll.RETRY_GROUP_TOPIC_PREFIX`).
    public static let retryTopicPrefix = "%RETRY%"

    private var entries: [String: Entry] = [:]

    /// Builds the table from tasks, in order.
    public init(tasks: [MigrationTask]) {
        var groupStages: [String: [MigrationStage]] = [:]
        for task in tasks {
            for topic in task.topics where self.entries[topic.name] == nil {
                self.entries[topic.name] = Entry(stage: topic.stage, ordered: topic.ordered)
                for group in topic.groups { groupStages[group, default: []].append(topic.stage) }
            }
        }
        for (group, stages) in groupStages {
            let retryTopic = Self.retryTopicPrefix + group
            guard self.entries[retryTopic] == nil else { continue }
            self.entries[retryTopic] = Entry(stage: Self.retryStage(stages), ordered: false)
        }
    }

    /// The stage of a retry topic whose group consumes topics at `stages`.
    static func retryStage(_ stages: [MigrationStage]) -> MigrationStage {
        if stages.allSatisfy({ $0 == .completed }) { return .completed }
        if stages.allSatisfy({ $0 == .initial }) { return .initial }
        return .dualRead
    }

    /// Every topic the table rewrites (task topics and their groups' retry topics), sorted.
    public var routedTopics: [String] { self.entries.keys.sorted() }

    /// How to answer a route query for `topic`.
    public func decision(forTopic topic: String) -> RouteDecision {
        guard let entry = self.entries[topic] else { return .passThrough }
        return .rewrite(stage: entry.stage, ordered: entry.ordered)
    }

    /// The broker names that appear in both routes, sorted: a client could not tell those brokers apart, so
    /// any clash blocks the task.
    public func brokerNameClash(source: TopicRouteData?, target: TopicRouteData?) -> [String] {
        Self.clashingBrokerNames(
            source: Self.brokerNames(source), target: Self.brokerNames(target))
    }

    /// The names present in both sets, sorted (e.g. the broker names of the two clusters' cluster info).
    public static func clashingBrokerNames(source: Set<String>, target: Set<String>) -> [String] {
        source.intersection(target).sorted()
    }

    private static func brokerNames(_ route: TopicRouteData?) -> Set<String> {
        guard let route else { return [] }
        return Set(route.brokerDatas.map(\.brokerName)).union(route.queueDatas.map(\.brokerName))
    }
}
