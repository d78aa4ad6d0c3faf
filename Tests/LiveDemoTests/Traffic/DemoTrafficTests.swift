import LiveDemo
import Logging
import RocketMQSandbox
import Testing

@Suite(.timeLimit(.minutes(3))) struct DemoTrafficTests {
    private static let logger = Logger(label: "live-demo-tests") { _ in SwiftLogNoOpLogHandler() }

    @Test func everyGroupReceivesEverySentIdFromOneNameServer() async throws {
        let cluster = try await SandboxCluster.start(name: "DemoCluster", brokerNames: ["broker-a"], logger: Self.logger)
        let topology = DemoTopology(topics: ["demo_a", "demo_b"], groups: ["GID_one", "GID_two"])
        do {
            try await topology.seed(cluster, logger: Self.logger)
            var configuration = DemoTrafficConfiguration(nameServer: cluster.nameServerAddress, topology: topology)
            configuration.sendInterval = .milliseconds(10)
            let traffic = await DemoTraffic.start(configuration, logger: Self.logger)
            try await Task.sleep(for: .seconds(2))
            await traffic.stopProducing()
            let drained = await traffic.drain(within: .seconds(60))
            await traffic.shutdown()
            let verdict = traffic.verdict
            #expect(drained)
            #expect(verdict.sent > 20)
            #expect(verdict.groups.map(\.group) == ["GID_one", "GID_two"])
            #expect(verdict.groups.allSatisfy { $0.received == verdict.sent })
            #expect(verdict.lost == 0)
            #expect(verdict.passed)
        } catch {
            await cluster.shutdown()
            throw error
        }
        await cluster.shutdown()
    }
}
