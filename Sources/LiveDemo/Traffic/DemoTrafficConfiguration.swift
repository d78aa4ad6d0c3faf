/// How the demo's clients run: the one address they know, their pace and their (short) client intervals.
public struct DemoTrafficConfiguration: Sendable {
    /// The only NameServer address the clients know (the agent's proxy), `host:port`.
    public var nameServer: String
    /// The topics and groups.
    public var topology: DemoTopology
    /// Pause between two sends of one producer (default 20 ms: about 50 messages a second per topic).
    public var sendInterval: Duration = .milliseconds(20)
    /// Sends per producer at most (default 100,000), so a long run's counts stay bounded.
    public var maxMessagesPerTopic = 100_000
    /// How often producers and consumers ask for routes (default 500 ms, so a stage change reaches them fast;
    /// a Java client's default is 30 s).
    public var routeRefreshInterval: Duration = .milliseconds(500)

    /// Clients of `topology` that know only `nameServer`.
    public init(nameServer: String, topology: DemoTopology = DemoTopology()) {
        self.nameServer = nameServer
        self.topology = topology
    }
}
