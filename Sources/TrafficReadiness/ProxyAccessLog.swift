/// The routing proxy's record of who asked for which topic's route: the readiness side of it.
///
/// The proxy sees only TCP peers (a route query carries no client id), so it answers with hosts.
public protocol ProxyAccessLog: Sendable {
    /// Hosts whose route queries for `topic` the proxy answered (any time since the task began).
    func hosts(forTopic topic: String) async -> Set<String>
}

/// An access log held in memory: for tests, the benchmark, and runs without a proxy (where it is empty
/// and the clients-switched check says so).
public struct StaticProxyAccessLog: ProxyAccessLog {
    /// Hosts by topic.
    public var hostsByTopic: [String: Set<String>]

    /// Makes a log.
    public init(_ hostsByTopic: [String: Set<String>] = [:]) {
        self.hostsByTopic = hostsByTopic
    }

    /// The hosts recorded for `topic`.
    public func hosts(forTopic topic: String) async -> Set<String> { hostsByTopic[topic] ?? [] }
}
