/// How `ferry demo live` (``LiveDemo/run(_:output:logger:)``) runs.
public struct LiveDemoOptions: Sendable {
    /// The topics and groups the traffic uses (three topics, two groups by default).
    public var topology = DemoTopology()
    /// The quiet period of the migration task: seconds the source must see no write before a topic may
    /// complete (default 3; a production task uses minutes).
    public var quietSeconds = 3
    /// Messages per second each producer sends (default 20).
    public var messagesPerSecond = 20
    /// The source NameServer's port (0: any free port).
    public var sourcePort = 0
    /// The target NameServer's port (0: any free port).
    public var targetPort = 0
    /// The agent's proxy port, the only address the clients know (0: any free port).
    public var proxyPort = 0
    /// Where state, secret, hooks, export, plan and logs go; a fresh temporary directory when nil.
    public var workDirectory: String?
    /// A directory of example hooks; only its map hooks (`10_…`, `20_…`, `30_…`) are copied into the work
    /// directory (the health and gate-window examples refuse steps outside a weekend window). No hooks when nil.
    public var hooks: String?
    /// How long traffic runs before the metadata migration starts, and between the stages' moves at least.
    public var warmUp: Duration = .seconds(2)
    /// How long the producers keep sending after every topic is Completed (to the target alone), before they stop.
    public var afterCompletion: Duration = .seconds(2)
    /// Pause before a refused topic is asked again.
    public var retryInterval: Duration = .seconds(1)
    /// How long the stage walk may take.
    public var walkTimeout: Duration = .seconds(180)
    /// How long the consumers get to receive everything after the producers stop.
    public var drainTimeout: Duration = .seconds(60)

    /// Where the web dashboard listens, `host:port` (port 0: any free port; default `127.0.0.1:0`).
    public var dashboardListen = "127.0.0.1:0"
    /// The dashboard's operator token (operator `demo`, at least 16 characters); a random one, printed with the
    /// dashboard's URL, when nil.
    public var dashboardToken: String?
    /// When set, the demo does not walk the stages itself: it waits up to this long for an operator to move every
    /// topic to Completed on the dashboard (Ctrl-C ends the wait early); traffic flows throughout and the verdict
    /// is counted either way.
    public var operatorWait: Duration?

    /// The defaults above.
    public init() {}
}

/// What a live demo ended with.
public struct LiveDemoResult: Sendable {
    /// The counted verdict.
    public var verdict: DemoVerdict
    /// Where the demo's files are.
    public var workDirectory: String
    /// Whether any sent message was never received by a group that reads its topic.
    public var lostAnything: Bool { !self.verdict.passed }
}
