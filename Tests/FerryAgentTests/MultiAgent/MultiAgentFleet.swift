import ControlProtocol
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox

/// Three sandbox source clusters (`SourceClusterN` with broker `broker-sN`), one shared target (`TargetCluster`,
/// `broker-t`), the same topics on all four, and in one temporary directory the config files, the shared secret
/// (0600), the state directories and the logs of a `ferry-coordinator` and three `ferry-agent`s (`agent-N`),
/// which run as real processes on fixed ports so a daemon killed with SIGKILL comes back where it was.
actor MultiAgentFleet {
    static let agents = 3
    static let task = "move"
    static let secret = "multi-agent-fleet-secret-0123456789"
    static let logger = Logger(label: "multi-agent-tests") { _ in SwiftLogNoOpLogHandler() }

    let sources: [SandboxCluster]
    let target: SandboxCluster
    let client: RemotingClient
    let directory: URL
    let coordinatorPort: Int
    let proxyPorts: [Int]
    private var daemons: [String: SpawnedDaemon] = [:]

    private init(
        sources: [SandboxCluster], target: SandboxCluster, directory: URL, coordinatorPort: Int, proxyPorts: [Int]
    ) {
        self.sources = sources
        self.target = target
        self.client = RemotingClient(logger: Self.logger)
        self.directory = directory
        self.coordinatorPort = coordinatorPort
        self.proxyPorts = proxyPorts
    }

    /// Runs `body` over a fresh fleet whose clusters hold `topics` and whose config files are written (no daemon
    /// is started yet); afterwards, also when `body` throws, every daemon still running gets SIGKILL, the
    /// clusters stop and the directory is removed. A failure prints the daemons' log tails first.
    static func with(topics: [String], _ body: (MultiAgentFleet) async throws -> Void) async throws {
        var clusters: [SandboxCluster] = []
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-fleet-\(UUID().uuidString)")
        var fleet: MultiAgentFleet?
        do {
            for index in 1...Self.agents {
                clusters.append(
                    try await SandboxCluster.start(
                        name: "SourceCluster\(index)", brokerNames: ["broker-s\(index)"], logger: Self.logger))
            }
            clusters.append(try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["broker-t"], logger: Self.logger))
            var ports = Set<Int>()
            while ports.count < Self.agents + 1 { ports.insert(try FreePort.pick()) }
            let picked = ports.sorted()
            let created = MultiAgentFleet(
                sources: Array(clusters.dropLast()), target: clusters[Self.agents], directory: directory,
                coordinatorPort: picked[0], proxyPorts: Array(picked.dropFirst()))
            fleet = created
            try await created.prepare(topics: topics)
            try await body(created)
        } catch {
            if let fleet { print(await fleet.logTails()) }
            await fleet?.shutdown()
            for cluster in clusters { await cluster.shutdown() }
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        await fleet?.shutdown()
        for cluster in clusters { await cluster.shutdown() }
        try? FileManager.default.removeItem(at: directory)
    }

    private func prepare(topics: [String]) async throws {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        for cluster in self.sources + [self.target] {
            let admin = RocketMQAdmin(client: self.client, nameServers: [cluster.nameServerAddress], timeout: .seconds(5))
            for topic in topics {
                for address in cluster.brokerAddresses.values.sorted() {
                    try await admin.createOrUpdateTopic(
                        TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
                }
            }
            await cluster.registerBrokers()
        }
        guard
            FileManager.default.createFile(
                atPath: self.path("coordinator.secret"), contents: Data(Self.secret.utf8),
                attributes: [.posixPermissions: 0o600])
        else { throw FleetError("cannot write the secret file") }
        try """
        listen: "127.0.0.1:\(self.coordinatorPort)"
        secretFile: \(self.path("coordinator.secret"))
        stateDirectory: \(self.path("coordinator"))
        commandTimeoutSeconds: 120
        """.write(toFile: self.path("coordinator.yaml"), atomically: true, encoding: .utf8)
        for index in 1...Self.agents {
            try """
            agentId: \(Self.agentId(index))
            labels: {fleet: multi, region: r\(index)}
            cluster: SourceCluster\(index)
            task: \(Self.task)
            source: {nameServers: ["\(self.sources[index - 1].nameServerAddress)"]}
            target: {nameServers: ["\(self.target.nameServerAddress)"]}
            proxy: {listen: "127.0.0.1:\(self.proxyPorts[index - 1])"}
            coordinator: {address: "127.0.0.1:\(self.coordinatorPort)", secretFile: \(self.path("coordinator.secret"))}
            stateDirectory: \(self.path(Self.agentId(index)))
            readiness: {refreshSeconds: 1, quietSeconds: 0}
            """.write(toFile: self.path("\(Self.agentId(index)).yaml"), atomically: true, encoding: .utf8)
        }
    }

    static func agentId(_ index: Int) -> String { "agent-\(index)" }

    func path(_ name: String) -> String { self.directory.appendingPathComponent(name).path }

    // MARK: Daemons

    /// Starts the coordinator on its config (same port and state directory every time).
    func startCoordinator() throws {
        self.daemons["coordinator"] = try SpawnedDaemon.start(
            "ferry-coordinator", config: self.path("coordinator.yaml"), log: self.path("coordinator.log"))
    }

    /// Starts agent `index` (1-based) on its config.
    func startAgent(_ index: Int) throws {
        let id = Self.agentId(index)
        self.daemons[id] = try SpawnedDaemon.start("ferry-agent", config: self.path("\(id).yaml"), log: self.path("\(id).log"))
    }

    /// Sends `signal` to the named daemon (`coordinator` or `agent-N`); SIGKILL waits until it is gone.
    func signal(_ name: String, _ signal: Int32) async throws {
        guard let daemon = self.daemons[name], daemon.isRunning else { throw FleetError("\(name) is not running") }
        await daemon.signal(signal)
    }

    /// Whether the named daemon is running (one that died on its own is a finding).
    func isRunning(_ name: String) -> Bool { self.daemons[name]?.isRunning == true }

    private func shutdown() async {
        for daemon in self.daemons.values {
            await daemon.signal(SIGCONT)
            await daemon.signal(SIGKILL)
        }
        self.daemons = [:]
        await self.client.shutdown()
    }

    private func logTails() -> String {
        self.daemons.keys.sorted().map { name in
            let text = (try? String(contentsOfFile: self.path("\(name).log"), encoding: .utf8)) ?? ""
            return "--- \(name).log (last 40 lines) ---\n" + text.split(separator: "\n").suffix(40).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    // MARK: Views

    /// An operator connection, retried until the coordinator listens (up to 60 s: a loaded machine starts slowly).
    func operatorClient() async throws -> OperatorClient {
        let configuration = ControlClientConfiguration(
            host: "127.0.0.1", port: self.coordinatorPort, role: .operator, id: "alice",
            secret: try ControlSecret(bytes: Array(Self.secret.utf8)))
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            do {
                return try await OperatorClient.connect(configuration, logger: Self.logger)
            } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Each topic's stage in agent `index`'s own state file (what it serves after a restart).
    func persistedStages(_ index: Int) throws -> [MigrationStage] {
        let store = TrafficStore(database: try MigrationDatabase(path: self.path("\(Self.agentId(index))/state.sqlite")))
        return try store.task(named: Self.task)?.topics.sorted { $0.name < $1.name }.map(\.stage) ?? []
    }

    /// Per topic, the committed advance rows in agent `index`'s audit log: a command run twice shows as two.
    func committedAdvances(_ index: Int) throws -> [String: Int] {
        let store = TrafficStore(database: try MigrationDatabase(path: self.path("\(Self.agentId(index))/state.sqlite")))
        var counts: [String: Int] = [:]
        for row in try store.history(task: Self.task, topics: nil)
        where row.action == .advance && row.outcome == .committed {
            counts[row.topic ?? "", default: 0] += 1
        }
        return counts
    }

    /// The route of `topic` as a client gets it from agent `index`'s proxy.
    func routeThroughProxy(_ topic: String, agent index: Int) async throws -> TopicRouteData? {
        try await RocketMQAdmin(
            client: self.client, nameServers: ["127.0.0.1:\(self.proxyPorts[index - 1])"], timeout: .seconds(3)
        ).topicRoute(topic)
    }
}

/// A test set-up failure with a plain message.
struct FleetError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
