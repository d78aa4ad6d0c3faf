/// How the dashboard is served and who may act through it.
public struct DashboardConfiguration: Sendable {
    /// The address to listen on. Default `127.0.0.1`.
    public var host: String
    /// The port to listen on (0 = any free port). Default 7901.
    public var port: Int
    /// Operator name → token. Requests carrying one (bearer token, or basic auth with the name as user) may act;
    /// everyone else may only read. Empty = nobody may act.
    public var operatorTokens: [String: String]
    /// Traffic samples kept per topic for the sparklines. Default 30.
    public var samplesPerTopic: Int
    /// Topics whose samples are kept at most (a bound on what agents can make the dashboard hold). Default 100,000.
    public var maxTrackedTopics: Int
    /// Live-update (Server-Sent Events) connections served at once. Default 64.
    public var maxEventStreams: Int
    /// How long an action waits for the agents' acks; nil = the backend's default.
    public var commandTimeout: Duration?

    /// Makes a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 7901, operatorTokens: [String: String] = [:], samplesPerTopic: Int = 30,
        maxTrackedTopics: Int = 100_000, maxEventStreams: Int = 64, commandTimeout: Duration? = nil
    ) {
        self.host = host
        self.port = port
        self.operatorTokens = operatorTokens
        self.samplesPerTopic = max(2, samplesPerTopic)
        self.maxTrackedTopics = max(0, maxTrackedTopics)
        self.maxEventStreams = max(1, maxEventStreams)
        self.commandTimeout = commandTimeout
    }
}
