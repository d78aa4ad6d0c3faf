/// One client host that asked a routing proxy for a topic's route: the "access point modified" evidence.
public struct ProxyAccessRecord: Sendable, Codable, Equatable {
    /// The migration task the proxy serves.
    public var task: String
    /// The topic asked for.
    public var topic: String
    /// The client's host (IP); one row per host, since a client's port changes with every connection.
    public var host: String
    /// The `ip:port` of the last query.
    public var lastAddress: String
    /// First query seen, milliseconds since the epoch.
    public var firstSeenMillis: Int64
    /// Last query seen, milliseconds since the epoch.
    public var lastSeenMillis: Int64
    /// Queries counted (saturating).
    public var queries: Int64

    /// Makes a record.
    public init(
        task: String, topic: String, host: String, lastAddress: String, firstSeenMillis: Int64, lastSeenMillis: Int64,
        queries: Int64
    ) {
        self.task = task
        self.topic = topic
        self.host = host
        self.lastAddress = lastAddress
        self.firstSeenMillis = firstSeenMillis
        self.lastSeenMillis = lastSeenMillis
        self.queries = queries
    }
}

/// A running proxy's view of its upstream clusters, written with the access records so another process
/// (`ferry migrate status|clients`) can show it.
public struct ProxyHealthRecord: Sendable, Codable, Equatable {
    /// The migration task the proxy serves.
    public var task: String
    /// The proxy's listening address.
    public var listen: String
    /// When this was written, milliseconds since the epoch.
    public var updatedMillis: Int64
    /// False while every source NameServer is unreachable (cached routes are being served).
    public var sourceReachable: Bool
    /// False while every target NameServer is unreachable (cached routes are being served).
    public var targetReachable: Bool
    /// Routes in the proxy's cache.
    public var cachedTopics: Int
    /// A one-line warning for operators (empty when healthy).
    public var warning: String

    /// Makes a record.
    public init(
        task: String, listen: String, updatedMillis: Int64, sourceReachable: Bool, targetReachable: Bool,
        cachedTopics: Int, warning: String
    ) {
        self.task = task
        self.listen = listen
        self.updatedMillis = updatedMillis
        self.sourceReachable = sourceReachable
        self.targetReachable = targetReachable
        self.cachedTopics = cachedTopics
        self.warning = warning
    }
}
