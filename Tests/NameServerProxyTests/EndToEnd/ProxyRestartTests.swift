import Foundation
import MigrationEngine
import MigrationStore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// A step that dies before its commit changes nothing, and a restarted proxy serves what was committed.
@Suite(.timeLimit(.minutes(3))) struct ProxyRestartTests {
    struct Crash: Error {}

    @Test func aStepKilledBeforeCommitChangesNothingAndARestartServesTheSameRoutes() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            for topic in ["Orders", "Ledger"] {
                try await ProxyTest.createTopic(topic, on: source, client: client)
                try await ProxyTest.createTopic(topic, on: target, client: client)
            }
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("ferry-proxy-\(UUID().uuidString)/state.sqlite").path
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
            let store = TrafficStore(database: try MigrationDatabase(path: path))
            try await store.create(
                MigrationTask(
                    name: "task", sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress],
                    topics: [
                        MigrationTopic(name: "Orders", groups: ["G"], ordered: false, stage: .dualReadWrite),
                        MigrationTopic(name: "Ledger", groups: ["G"], ordered: true, stage: .dualRead),
                    ]),
                audit: TrafficAuditContext(actor: "test"))
            let configuration = ProxyTest.configuration(source: source, target: target)
            let topics = ["Orders", "Ledger", "%RETRY%G"]
            func routes(_ proxy: NameServerProxy) async throws -> [TopicRouteData?] {
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                var routes: [TopicRouteData?] = []
                for topic in topics { routes.append(try? await admin.topicRoute(topic)) }
                return routes
            }
            let before = try await ProxyTest.withProxy(
                configuration, rules: TrafficStoreRulesSource(store: store, taskName: "task")
            ) { proxy in
                let before = try await routes(proxy)
                #expect(before[0]?.queueDatas.map(\.brokerName) == ["broker-a", "broker-t"])
                // The crash seam: the step dies after writing its rows and before COMMIT.
                let task = try #require(try store.task(named: "task"))
                await #expect(throws: (any Error).self) {
                    try await store.commit(
                        task: "task", direction: .advance,
                        outcomes: StageMachine.plan(task: task, selected: ["Orders", "Ledger"], direction: .advance),
                        audit: TrafficAuditContext(actor: "test"), beforeCommit: { throw Crash() })
                }
                try await Task.sleep(for: .milliseconds(500))
                #expect(try await routes(proxy) == before)
                return before
            }
            let reopened = TrafficStore(database: try MigrationDatabase(path: path))
            #expect(try reopened.task(named: "task")?.topics.map(\.stage) == [.dualReadWrite, .dualRead])
            try await ProxyTest.withProxy(configuration, rules: TrafficStoreRulesSource(store: reopened, taskName: "task")) {
                proxy in
                let after = try await routes(proxy)
                #expect(after == before)
            }
        }
    }
}
