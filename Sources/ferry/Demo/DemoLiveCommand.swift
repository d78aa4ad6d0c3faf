import ArgumentParser
import FerryCoordinator
import Foundation
import LiveDemo
import Logging

/// `ferry demo live`: the whole live migration in one process (clusters, coordinator, agent, traffic through the
/// proxy, metadata, every stage), ending with the counted verdict; exit code 1 when anything was lost.
struct DemoLiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Run a live migration end to end and count every message.",
        discussion: """
            Starts a source and a target sandbox cluster, a coordinator and an agent, producers and consumers \
            that know only the agent's proxy; migrates the metadata, then walks every topic through every stage \
            with its checks, all through the coordinator, while the web dashboard shows it (its URL is printed; \
            --wait-for-operator leaves the stages to an operator on the page). Stops producing, drains, and prints \
            `sent N, received N (per group), duplicates D, lost L`. Exit code 1 when anything was lost, 2 when \
            the demo could not run.
            """
    )

    @Option(help: "Comma-separated topic names (plain names: the map hooks leave them unchanged).")
    var topics = "demo_orders,demo_payments,demo_events"

    @Option(help: "Comma-separated consumer groups; each reads every topic.")
    var groups = "GID_demo_billing,GID_demo_audit"

    @Option(help: "The task's quiet period in seconds (no source write for this long before a topic completes).")
    var quietSeconds = 3

    @Option(help: "Messages per second per producer.")
    var rate = 20

    @Option(help: "The hooks directory whose map hooks (10_, 20_, 30_) the agent uses; 'none' for no hooks.")
    var hooks = "scripts/hooks"

    @Option(help: "Where state, secret, hooks, export and plan go (default: a new temporary directory).")
    var workDir: String?

    @Option(help: "Source NameServer port (0: any).") var sourcePort = 0
    @Option(help: "Target NameServer port (0: any).") var targetPort = 0
    @Option(help: "The agent's proxy port (0: any).") var proxyPort = 0

    @Option(help: ArgumentHelp(
        "Where the web dashboard listens (host:port; port 0: any free port).",
        discussion: "Operator `demo` logs in with the token in FERRY_DASHBOARD_TOKEN, or with a random one printed with the URL."))
    var dashboard = "127.0.0.1:0"

    @Flag(help: "Do not walk the stages: wait for an operator to move every topic to Completed on the dashboard.")
    var waitForOperator = false

    @Option(help: "With --wait-for-operator: seconds to wait at most (Ctrl-C also ends the wait; the verdict is counted).")
    var operatorTimeout = 1800

    @Option(help: "Component log level written to standard error (trace…critical).")
    var logLevel = "error"

    func validate() throws {
        if self.quietSeconds < 0 || self.quietSeconds > 3600 { throw ValidationError("--quiet-seconds must be 0…3600") }
        if self.rate < 1 || self.rate > 1000 { throw ValidationError("--rate must be 1…1000") }
        if Self.list(self.topics).isEmpty || Self.list(self.groups).isEmpty {
            throw ValidationError("give at least one topic and one group")
        }
        if HostPort(parsing: self.dashboard) == nil { throw ValidationError("--dashboard must be host:port with a port 0…65535") }
        if self.operatorTimeout < 1 || self.operatorTimeout > 86_400 { throw ValidationError("--operator-timeout must be 1…86400") }
        if let token = Self.dashboardToken, token.count < 16 {
            throw ValidationError("FERRY_DASHBOARD_TOKEN must be at least 16 characters")
        }
        if Logger.Level(rawValue: self.logLevel) == nil { throw ValidationError("--log-level: trace, debug, info, notice, warning, error or critical") }
    }

    func run() async throws {
        var options = LiveDemoOptions()
        options.topology = DemoTopology(topics: Self.list(self.topics), groups: Self.list(self.groups))
        options.quietSeconds = self.quietSeconds
        options.messagesPerSecond = self.rate
        options.sourcePort = self.sourcePort
        options.targetPort = self.targetPort
        options.proxyPort = self.proxyPort
        options.workDirectory = self.workDir
        options.hooks = self.hooks == "none" ? nil : self.hooks
        options.dashboardListen = self.dashboard
        options.dashboardToken = Self.dashboardToken
        options.operatorWait = self.waitForOperator ? .seconds(self.operatorTimeout) : nil
        let level = Logger.Level(rawValue: self.logLevel) ?? .error
        let logger = Logger(label: "ferry.demo") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let result: LiveDemoResult
        do {
            result = try await LiveDemo.run(options, output: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }, logger: logger)
        } catch {
            throw fail("the live demo stopped: \(error)")
        }
        if result.lostAnything { throw ExitCode(1) }
    }

    /// The dashboard's operator token from the environment (not an argument: arguments show in `ps`).
    private static var dashboardToken: String? {
        ProcessInfo.processInfo.environment["FERRY_DASHBOARD_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
