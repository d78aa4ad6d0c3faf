import FerryMetrics
import Logging
import MigrationEngine
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// The routing proxy counts each request by code and outcome and times it per path, against sandbox clusters.
@Suite(.timeLimit(.minutes(3))) struct ProxyMetricsTests {
    static let logger: Logger = {
        var logger = Logger(label: "proxy-metrics-test")
        logger.logLevel = .warning
        return logger
    }()

    @Test func routeQueriesMoveTheRequestCountersAndTheLatencyHistogram() async throws {
        let source = try await SandboxCluster.start(name: "SourceCluster", brokerNames: ["broker-a"], logger: Self.logger)
        let target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["broker-t"], logger: Self.logger)
        let client = RemotingClient(logger: Self.logger)
        let factory = FerryMetricsFactory()
        do {
            for cluster in [source, target] { try await Self.createTopic("Orders", on: cluster, client: client) }
            let task = MigrationTask(
                name: "t", sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress],
                topics: [MigrationTopic(name: "Orders", groups: ["GID_orders"], ordered: false, stage: .dualRead)])
            var configuration = NameServerProxyConfiguration(
                sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress])
            configuration.metricsFactory = factory
            let proxy = try await NameServerProxy.start(
                taskName: "t", configuration: configuration, rules: FixedRules(rules: TaskRoutingRules(task: task)),
                store: nil, host: "127.0.0.1", port: 0, logger: Self.logger)
            let before = try Self.scrape(factory)
            let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
            for _ in 0..<5 { _ = try await admin.topicRoute("Orders") }
            _ = try? await admin.topicRoute("NoSuchTopic")
            let after = try Self.scrape(factory)
            await proxy.shutdown()

            let requests = "ferry_proxy_requests_total"
            #expect(before.value(requests, ["code": "105", "outcome": "cached"]) == 0)
            #expect(after.value(requests, ["code": "105", "outcome": "cached"]) == 5)
            #expect(after.value(requests, ["code": "105", "outcome": "notFound"]) == 1)
            #expect(after.value("ferry_proxy_request_duration_seconds_count", ["path": "fast"]) == 5)
            #expect(after.value("ferry_proxy_request_duration_seconds_count", ["path": "async"]) == 1)
            #expect(after.value(requests, ["code": "other", "outcome": "unanswered"]) == 0)
            #expect(ScrapeConformance.violations(after) == [])
        } catch {
            Issue.record(error)
        }
        await client.shutdown()
        await target.shutdown()
        await source.shutdown()
    }

    /// Creates `topic` on every broker of `cluster` and waits until its NameServer routes it.
    static func createTopic(_ topic: String, on cluster: SandboxCluster, client: RemotingClient) async throws {
        let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
        for address in cluster.brokerAddresses.values {
            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
        }
        for _ in 0..<20 {
            await cluster.registerBrokers()
            if (try? await admin.topicRoute(topic)) != nil { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("topic \(topic) never appeared on \(cluster.nameServerAddress)")
    }

    static func scrape(_ factory: FerryMetricsFactory) throws -> PrometheusText {
        try PrometheusText(parsing: String(decoding: MetricsEndpoint(registry: factory.registry).render(), as: UTF8.self))
    }
}

/// Rules that never change.
private struct FixedRules: ProxyRulesSource {
    let rules: TaskRoutingRules
    func changeToken() async throws -> Int64 { 0 }
    func loadRules() async throws -> any ProxyRoutingRules { self.rules }
}
