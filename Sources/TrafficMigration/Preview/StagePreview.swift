public import MigrationEngine
public import RocketMQRemoting

/// One route a client would get after a step (`ferry migrate preview`).
public struct PreviewRoute: Sendable, Equatable {
    /// The topic (a task topic, or the `%RETRY%` topic of one of its groups whose stage the step changes).
    public var topic: String
    /// Its stage now.
    public var from: MigrationStage
    /// Its stage after the step.
    public var to: MigrationStage
    /// The route clients would get at `to`; `nil` means TOPIC_NOT_EXIST.
    public var route: TopicRouteData?

    /// Makes a preview entry.
    public init(topic: String, from: MigrationStage, to: MigrationStage, route: TopicRouteData?) {
        self.topic = topic
        self.from = from
        self.to = to
        self.route = route
    }
}

/// The dry-run twin of ``StageStepRunner``: plans the same step, asks the clusters for the current routes and
/// rewrites them at the stage each topic would reach. Writes nothing, runs no guard.
public struct StagePreview: Sendable {
    /// The task's clusters.
    public var clusters: TrafficClusters

    /// A preview over `clusters`.
    public init(clusters: TrafficClusters) {
        self.clusters = clusters
    }

    /// The routes after stepping `selection` of `task` in `direction`, plus the refused topics' outcomes.
    public func preview(
        task: MigrationTask, selection: MigrationTaskResolver.Selection, direction: StageDirection
    ) async throws -> (routes: [PreviewRoute], refused: [StageStepOutcome]) {
        let outcomes = StageStepRunner.plan(task: task, selection: selection, direction: direction)
        var after = task
        var moved: [String: StageMove] = [:]
        for case .moved(let move) in outcomes { moved[move.topic] = move }
        for index in after.topics.indices {
            if let move = moved[after.topics[index].name] { after.topics[index].stage = move.to }
        }
        let before = RoutingTable(tasks: [task])
        let table = RoutingTable(tasks: [after])
        var routes: [PreviewRoute] = []
        for topic in table.routedTopics {
            guard case .rewrite(let to, let ordered) = table.decision(forTopic: topic),
                case .rewrite(let from, _) = before.decision(forTopic: topic),
                moved[topic] != nil || (topic.hasPrefix(RoutingTable.retryTopicPrefix) && from != to)
            else { continue }
            let source = try await self.clusters.source.route(topic)
            let target = try await self.clusters.target.route(topic)
            routes.append(
                PreviewRoute(
                    topic: topic, from: from, to: to,
                    route: RouteRewriter.clientRoute(source: source, target: target, stage: to, ordered: ordered)))
        }
        return (routes, outcomes.filter { if case .refused = $0 { true } else { false } })
    }
}
