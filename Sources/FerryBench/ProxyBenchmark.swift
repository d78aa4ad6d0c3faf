import FerryMetrics
import Foundation
import Logging
import MigrationEngine
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization

/// Route queries per second and latency percentiles through the routing proxy and straight to the sandbox
/// NameServer, in the same run, with 1/8/64 concurrent clients over 1 and 8 connections; first with one
/// topic in the task, then with 10,000; and the process RSS the proxy adds. With `FERRY_BENCH_METRICS=1` the
/// process bootstraps the Prometheus metrics first, so the proxy's request counters and histograms are live
/// (without it they go to swift-metrics' no-op factory): the two runs give the instrumentation's cost.
enum ProxyBenchmark {
    /// How long each case sends queries.
    static let caseDuration: Duration = .seconds(2)
    /// Topics of the large task.
    static let largeTaskTopics = 10_000

    static func run() async throws {
        if ProcessInfo.processInfo.environment["FERRY_BENCH_METRICS"] == "1" {
            FerryMetricsSystem.bootstrap()
            print("metrics: bootstrapped (Prometheus registry)")
        }
        var logger = Logger(label: "ferry.bench")
        logger.logLevel = .warning
        let source = try await SandboxCluster.start(name: "SourceCluster", brokerNames: ["broker-a"], logger: logger)
        let target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["broker-t"], logger: logger)
        let client = RemotingClient(logger: logger)
        let topics = ["BenchTopic"] + (0..<(largeTaskTopics - 1)).map { "BenchTopic-\($0)" }
        let rssBefore = residentMegabytes()
        for (label, taskTopics) in [("1 topic in the task", ["BenchTopic"]), ("\(largeTaskTopics) topics in the task", topics)] {
            // The large task's topics are created only after the small case ran, so it measures a small cluster.
            try await createTopics(taskTopics, on: [source, target], client: client)
            let task = MigrationTask(
                name: "bench", sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress],
                topics: taskTopics.map { MigrationTopic(name: $0, groups: ["BenchGroup"], ordered: false, stage: .dualReadWrite) })
            let proxy = try await NameServerProxy.start(
                taskName: "bench",
                configuration: NameServerProxyConfiguration(
                    sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress]),
                rules: FixedRules(rules: TaskRoutingRules(task: task)), store: nil, host: "127.0.0.1", port: 0,
                logger: logger)
            print("\(label) (dual read/write; route queries for task topics; \(caseDuration) per case)")
            print("RSS with the proxy: \(residentMegabytes()) MB (\(residentMegabytes() - rssBefore) MB over the clusters alone)")
            print("clients conns | proxy q/s   p50 us  p99 us p99.9 us | direct q/s  p50 us  p99 us p99.9 us | q/s ratio  added p99 us")
            for clients in [1, 8, 64] {
                for connections in [1, 8] {
                    let viaProxy = await measure(address: "127.0.0.1:\(proxy.port)", topics: taskTopics, clients: clients, connections: connections, logger: logger)
                    let direct = await measure(address: source.nameServerAddress, topics: taskTopics, clients: clients, connections: connections, logger: logger)
                    print(
                        String(
                            format: "%7d %5d | %9.0f %7.0f %7.0f %8.0f | %10.0f %7.0f %7.0f %8.0f | %9.2f %13.0f",
                            clients, connections, viaProxy.rate, viaProxy.p50, viaProxy.p99, viaProxy.p999, direct.rate,
                            direct.p50, direct.p99, direct.p999, viaProxy.rate / max(direct.rate, 1), viaProxy.p99 - direct.p99))
                }
            }
            await proxy.shutdown()
        }
        await client.shutdown()
        await target.shutdown()
        await source.shutdown()
    }

    /// Query rate and latency percentiles (µs) of `clients` tasks sharing `connections` connections.
    private static func measure(
        address: String, topics: [String], clients: Int, connections: Int, logger: Logger
    ) async -> (rate: Double, p50: Double, p99: Double, p999: Double) {
        let transports = (0..<connections).map { _ in RemotingClient(logger: logger) }
        let failures = FailureCount()
        let clock = ContinuousClock()
        let deadline = clock.now + caseDuration
        let start = clock.now
        let latencies = await withTaskGroup(of: [Duration].self) { group in
            for index in 0..<clients {
                group.addTask {
                    let transport = transports[index % connections]
                    var samples: [Duration] = []
                    var next = index
                    while clock.now < deadline {
                        let topic = topics[next % topics.count]
                        next &+= 7919
                        let sent = clock.now
                        let response = try? await transport.invoke(
                            .request(code: .getRouteInfoByTopic, ext: ["topic": topic]), address: address)
                        // A failed or refused query counts as a sample of its latency but is reported apart.
                        samples.append(sent.duration(to: clock.now))
                        if response?.responseCode != .success { failures.value.add(1, ordering: .relaxed) }
                    }
                    return samples
                }
            }
            return await group.reduce(into: []) { $0 += $1 }.sorted()
        }
        let elapsed = start.duration(to: clock.now)
        for transport in transports { await transport.shutdown() }
        func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            return latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))].inSeconds * 1e6
        }
        let failed = failures.value.load(ordering: .relaxed)
        if failed > 0 { print("  (\(failed) queries to \(address) failed)") }
        return (Double(latencies.count) / elapsed.inSeconds, percentile(0.5), percentile(0.99), percentile(0.999))
    }

    private static func createTopics(_ topics: [String], on clusters: [SandboxCluster], client: RemotingClient) async throws {
        for cluster in clusters {
            let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
            for broker in cluster.brokerAddresses.values {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, topic) in topics.enumerated() {
                        if index >= 16 { _ = try await group.next() }
                        group.addTask {
                            try await admin.createOrUpdateTopic(
                                TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: broker)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            await cluster.registerBrokers()
        }
    }

    /// The process's resident set size in MB (Linux `/proc/self/status`), 0 when unknown.
    private static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}

/// Rules that never change (the benchmark commits no steps).
private struct FixedRules: ProxyRulesSource {
    let rules: TaskRoutingRules
    func changeToken() async throws -> Int64 { 0 }
    func loadRules() async throws -> any ProxyRoutingRules { self.rules }
}

/// Failed queries of one case, shared by its client tasks.
private final class FailureCount: Sendable {
    let value = Atomic<Int>(0)
}
