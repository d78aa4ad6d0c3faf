import FerryAgent
import Foundation
import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox

/// A source cluster (`broker-a`) and a target cluster (`broker-t`) with the given topics on both, a fresh state
/// directory, and an admin client; everything is shut down and removed after `body`, also when it throws.
struct AgentSandbox {
    let source: SandboxCluster
    let target: SandboxCluster
    let client: RemotingClient
    let stateDirectory: String

    static let logger = Logger(label: "agent-tests") { _ in SwiftLogNoOpLogHandler() }

    static func with<T>(topics: [String], _ body: (AgentSandbox) async throws -> T) async throws -> T {
        let source = try await SandboxCluster.start(name: "SourceCluster", brokerNames: ["broker-a"], logger: Self.logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["broker-t"], logger: Self.logger)
        } catch {
            await source.shutdown()
            throw error
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-agent-\(UUID().uuidString)").path
        let sandbox = AgentSandbox(
            source: source, target: target, client: RemotingClient(logger: Self.logger), stateDirectory: directory)
        do {
            for topic in topics {
                try await sandbox.createTopic(topic, on: source)
                try await sandbox.createTopic(topic, on: target)
            }
            let result = try await body(sandbox)
            await sandbox.shutdown()
            return result
        } catch {
            await sandbox.shutdown()
            throw error
        }
    }

    func shutdown() async {
        await self.client.shutdown()
        await self.source.shutdown()
        await self.target.shutdown()
        try? FileManager.default.removeItem(atPath: self.stateDirectory)
    }

    /// An agent config over both clusters: proxy on a free port, no coordinator unless given.
    func configuration(coordinator: CoordinatorEndpoint? = nil) -> AgentConfiguration {
        AgentConfiguration(
            agentId: "agent-test-1", labels: ["env": "test"], cluster: "SourceCluster", task: "task",
            source: ClusterEndpoint(nameServers: [self.source.nameServerAddress]),
            target: ClusterEndpoint(nameServers: [self.target.nameServerAddress]),
            proxy: ProxySettings(listen: "127.0.0.1:0"), coordinator: coordinator, stateDirectory: self.stateDirectory,
            readiness: ReadinessSettings(refreshSeconds: 2, quietSeconds: 0))
    }

    func createTopic(_ topic: String, on cluster: SandboxCluster) async throws {
        let admin = RocketMQAdmin(client: self.client, nameServers: [cluster.nameServerAddress], timeout: .seconds(3))
        for address in cluster.brokerAddresses.values.sorted() {
            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
        }
        await cluster.registerBrokers()
    }

    /// The route of `topic` as a client gets it from the proxy at `port`.
    func routeThroughProxy(_ topic: String, port: Int) async throws -> TopicRouteData? {
        try await RocketMQAdmin(client: self.client, nameServers: ["127.0.0.1:\(port)"], timeout: .seconds(3)).topicRoute(topic)
    }
}

extension TopicRouteData {
    /// `broker:perm` of each queue, sorted: the shape of a stage's route.
    var shape: [String] {
        self.queueDatas.map { "\($0.brokerName):\($0.perm.rawValue)" }.sorted()
    }
}
