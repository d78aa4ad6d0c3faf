public import MigrationEngine
public import RocketMQRemoting

/// The rules of one migration task: `MigrationEngine`'s ``RoutingTable`` says which topics are rewritten
/// and at which stage (task topics and their groups' retry topics), ``RouteRewriter`` builds the route.
public struct TaskRoutingRules: ProxyRoutingRules {
    private let table: RoutingTable

    /// The rules of `task` as committed.
    public init(task: MigrationTask) {
        self.table = RoutingTable(tasks: [task])
    }

    public var taskTopics: [String] { self.table.routedTopics }

    public func usesTarget(_ topic: String) -> Bool {
        self.table.decision(forTopic: topic) != .passThrough
    }

    public func clientRoute(topic: String, source: TopicRouteData?, target: TopicRouteData?) -> TopicRouteData? {
        switch self.table.decision(forTopic: topic) {
        case .passThrough:
            return source
        case .rewrite(let stage, let ordered):
            return RouteRewriter.clientRoute(source: source, target: target, stage: stage, ordered: ordered)
        }
    }
}
