import Logging
import MigrationStore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import RocketMQTestSupport
import Synchronization
import Testing

/// Rules for tests: named topics get a route built from both clusters' routes; every other topic passes through.
struct TestRules: ProxyRoutingRules {
    typealias Rewrite = @Sendable (TopicRouteData?, TopicRouteData?) -> TopicRouteData?
    var rewrites: [String: Rewrite] = [:]
    /// Task topics whose answer needs only the source's route (as at Initial).
    var sourceOnly: Set<String> = []

    var taskTopics: [String] { self.rewrites.keys.sorted() }

    func usesTarget(_ topic: String) -> Bool { self.rewrites[topic] != nil && !self.sourceOnly.contains(topic) }

    func clientRoute(topic: String, source: TopicRouteData?, target: TopicRouteData?) -> TopicRouteData? {
        self.rewrites[topic].map { $0(source, target) } ?? source
    }

    /// Source queues as they are plus the target's queues made read-only (the dual-read stage's shape).
    static let dualRead: Rewrite = { source, target in
        guard source != nil || target != nil else { return nil }
        var route = source ?? TopicRouteData()
        for var queue in target?.queueDatas ?? [] {
            queue.perm = .read
            route.queueDatas.append(queue)
        }
        route.brokerDatas += target?.brokerDatas ?? []
        return route
    }

    /// The target's route only.
    static let targetOnly: Rewrite = { _, target in target }
}

/// A rules source whose rules and token tests change.
final class TestRulesSource: ProxyRulesSource {
    private let state: Mutex<(token: Int64, rules: TestRules)>

    init(_ rules: TestRules) { self.state = Mutex((1, rules)) }

    func changeToken() async throws -> Int64 { self.state.withLock { $0.token } }
    func loadRules() async throws -> any ProxyRoutingRules { self.state.withLock { $0.rules } }

    /// Replaces the rules and moves the token.
    func replace(_ rules: TestRules) {
        self.state.withLock { $0 = ($0.token + 1, rules) }
    }
}

/// Helpers shared by the proxy tests.
enum ProxyTest {
    /// Warning level unless `FERRY_TEST_LOG_LEVEL` asks for more.
    static let logger = Logger.test("proxy-tests")

    /// Starts a source cluster (`broker-a`) and a target cluster (`broker-t`), runs `body`, shuts both down.
    static func withClusters<T>(
        options: SandboxOptions = SandboxOptions(), _ body: (SandboxCluster, SandboxCluster) async throws -> T
    ) async throws -> T {
        let source = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: ["broker-a"], options: options, logger: logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(
                name: "TargetCluster", brokerNames: ["broker-t"], options: options, logger: logger)
        } catch {
            await source.shutdown()
            throw error
        }
        do {
            let result = try await body(source, target)
            await target.shutdown()
            await source.shutdown()
            return result
        } catch {
            await target.shutdown()
            await source.shutdown()
            throw error
        }
    }

    /// Short intervals so tests see refreshes and reloads in a second or two.
    static func configuration(source: SandboxCluster, target: SandboxCluster) -> NameServerProxyConfiguration {
        var configuration = NameServerProxyConfiguration(
            sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress])
        configuration.refreshInterval = .milliseconds(300)
        configuration.rulesPollInterval = .milliseconds(100)
        configuration.persistInterval = .milliseconds(200)
        configuration.upstreamTimeout = .seconds(3)
        return configuration
    }

    /// Starts a proxy on a free port, runs `body`, shuts it down.
    static func withProxy<T>(
        _ configuration: NameServerProxyConfiguration, rules: any ProxyRulesSource, store: ProxyAccessStore? = nil,
        _ body: (NameServerProxy) async throws -> T
    ) async throws -> T {
        let proxy = try await NameServerProxy.start(
            taskName: "task", configuration: configuration, rules: rules, store: store, host: "127.0.0.1", port: 0,
            logger: logger)
        do {
            let result = try await body(proxy)
            await proxy.shutdown()
            return result
        } catch {
            await proxy.shutdown()
            throw error
        }
    }

    /// Creates `topic` with 4 queues on every broker of `cluster`.
    static func createTopic(_ topic: String, on cluster: SandboxCluster, client: RemotingClient) async throws {
        let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
        for address in cluster.brokerAddresses.values {
            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
        }
        // A registration lost on a loaded machine is retried: the topic must be routable before a test uses it.
        for _ in 0..<20 {
            await cluster.registerBrokers()
            if (try? await admin.topicRoute(topic)) != nil { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("topic \(topic) never appeared in the NameServer of \(cluster.nameServerAddress)")
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
    static func eventually(
        within timeout: Duration = .seconds(10), _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }
}
