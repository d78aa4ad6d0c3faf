public import RocketMQRemoting

/// What the proxy answers for each topic: the migration task's stages turned into client routes.
///
/// The proxy calls these only when a route or the rules change (to precompute answers), never per query.
/// ``TaskRoutingRules`` is the implementation over a migration task; tests may supply their own.
public protocol ProxyRoutingRules: Sendable {
    /// The topics the task names: fetched from both clusters at start and after every change, and kept warm.
    var taskTopics: [String] { get }
    /// Whether `topic`'s answer needs the target cluster's route (`false`: the source's route passes through).
    func usesTarget(_ topic: String) -> Bool
    /// The route a client gets for `topic` from the upstream routes (`nil` where a cluster has none);
    /// `nil` answers TOPIC_NOT_EXIST.
    func clientRoute(topic: String, source: TopicRouteData?, target: TopicRouteData?) -> TopicRouteData?
}

/// Where a running proxy gets its rules and learns that they changed.
public protocol ProxyRulesSource: Sendable {
    /// A number that grows on every committed change; polled every ``NameServerProxyConfiguration/rulesPollInterval``.
    func changeToken() async throws -> Int64
    /// The current rules.
    func loadRules() async throws -> any ProxyRoutingRules
}
