public import Metrics

/// Settings of a ``NameServerProxy``; the defaults suit production, tests shorten the intervals.
public struct NameServerProxyConfiguration: Sendable {
    /// The source cluster's NameServers (`host:port`), tried in order. Topics outside the task pass through from here.
    public var sourceNameServers: [String]
    /// The target cluster's NameServers (`host:port`), tried in order.
    public var targetNameServers: [String]
    /// How often every cached route is fetched again from its cluster(s). Default 10 s.
    public var refreshInterval: Duration = .seconds(10)
    /// How often the rules' change token is polled. Default 500 ms, so a committed step is in effect within 1 s.
    public var rulesPollInterval: Duration = .milliseconds(500)
    /// The timeout of each upstream NameServer call. Default 3 s.
    public var upstreamTimeout: Duration = .seconds(3)
    /// Topics outside the task kept in the route cache at most; past it such topics are answered without
    /// caching. Default 100,000.
    public var maxCachedTopics: Int = 100_000
    /// A topic outside the task that nobody asked for during this long leaves the cache. Default 10 min.
    public var cachedTopicExpiry: Duration = .seconds(600)
    /// Client-access tracking bounds (topics, addresses per topic, expiry).
    public var access = ClientAccessLimits()
    /// How often the access records and the proxy's health are written to the state store. Default 5 s.
    public var persistInterval: Duration = .seconds(5)
    /// The frame cap and the per-connection in-flight bound of the listening server.
    public var maxFrameLength: Int = 16 * 1024 * 1024
    /// Requests of one connection on the async path at once; past it a request gets SYSTEM_BUSY. Default 256.
    public var maxInFlightPerConnection: Int = 256
    /// Where the proxy's request counters and latency histograms go (`ferry_proxy_requests_total`,
    /// `ferry_proxy_request_duration_seconds`). Default nil: swift-metrics' global factory as bootstrapped when
    /// the proxy starts (a no-op one when the process never bootstraps).
    public var metricsFactory: (any MetricsFactory)? = nil

    /// A proxy between `sourceNameServers` and `targetNameServers` with the defaults above.
    public init(sourceNameServers: [String], targetNameServers: [String]) {
        self.sourceNameServers = sourceNameServers
        self.targetNameServers = targetNameServers
    }
}

/// The bounds on what client-access tracking keeps: nothing a client can make grow is unbounded.
public struct ClientAccessLimits: Sendable {
    /// Topics tracked at most; a query for another topic is answered but not recorded. Default 20,000.
    public var maxTopics: Int = 20_000
    /// Client hosts kept per topic at most (the least recently seen is dropped first). Default 256.
    public var maxHostsPerTopic: Int = 256
    /// A host not seen for this long is forgotten. Default 24 h.
    public var expiry: Duration = .seconds(86_400)

    /// The defaults above.
    public init() {}
}
