import Foundation
import MigrationEngine
import MigrationStore
import RocketMQRemoting
import Testing

/// A step is committed before it takes effect: a process that dies before COMMIT leaves the previous stage,
/// one that dies after COMMIT (before any proxy reloaded) leaves the new one; a reopened store — a restart —
/// serves exactly the committed stage.
@Suite struct TrafficCrashSafetyTests {
    struct Killed: Error {}

    static func routes(_ store: TrafficStore) throws -> [String: TopicRouteData?] {
        let table = RoutingTable(tasks: try store.tasks())
        var routes: [String: TopicRouteData?] = [:]
        for topic in table.routedTopics {
            guard case .rewrite(let stage, let ordered) = table.decision(forTopic: topic) else { continue }
            routes[topic] = RouteRewriter.clientRoute(
                source: Self.source, target: Self.target, stage: stage, ordered: ordered)
        }
        return routes
    }

    static let source = TopicRouteData(
        queueDatas: [QueueData(brokerName: "src-a", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write])],
        brokerDatas: [BrokerData(cluster: "src", brokerName: "src-a", brokerAddrs: [0: "10.0.0.1:10911"])])
    static let target = TopicRouteData(
        queueDatas: [QueueData(brokerName: "tgt-a", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write])],
        brokerDatas: [BrokerData(cluster: "tgt", brokerName: "tgt-a", brokerAddrs: [0: "10.0.1.1:10911"])])

    @Test func killedBeforeCommitKeepsThePreviousStageEverywhere() async throws {
        let path = TrafficStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = TrafficStore(database: try MigrationDatabase(path: path))
        try await store.create(TrafficStoreTests.task(), audit: TrafficStoreTests.audit)
        let before = try Self.routes(store)
        let task = try #require(try store.task(named: "orders"))
        await #expect(throws: MigrationStoreError.self) {
            _ = try await store.commit(
                task: "orders", direction: .advance,
                outcomes: StageMachine.plan(task: task, selected: ["a", "b"], direction: .advance),
                audit: TrafficStoreTests.audit, beforeCommit: { throw Killed() })
        }
        let restarted = TrafficStore(database: try MigrationDatabase(path: path))
        #expect(try restarted.task(named: "orders") == task)
        #expect(try restarted.changeToken() == 1)
        #expect(try restarted.history(task: "orders").count == 1)
        #expect(try Self.routes(restarted) == before)
    }

    @Test func killedAfterCommitServesTheCommittedStageOnRestart() async throws {
        let path = TrafficStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store: TrafficStore? = TrafficStore(database: try MigrationDatabase(path: path))
        try await store?.create(TrafficStoreTests.task(), audit: TrafficStoreTests.audit)
        let task = try #require(try store?.task(named: "orders"))
        for _ in 0..<2 {
            let current = try #require(try store?.task(named: "orders"))
            _ = try await store?.commit(
                task: "orders", direction: .advance,
                outcomes: StageMachine.plan(task: current, selected: ["a", "b"], direction: .advance),
                audit: TrafficStoreTests.audit)
        }
        store = nil
        let restarted = TrafficStore(database: try MigrationDatabase(path: path))
        #expect(try restarted.task(named: "orders")?.topics.map(\.stage) == [.dualReadWrite, .dualReadWrite])
        let routes = try Self.routes(restarted)
        let expected = RouteRewriter.clientRoute(
            source: Self.source, target: Self.target, stage: .dualReadWrite, ordered: task.topics[0].ordered)
        #expect(routes["a"] == expected)
        #expect(routes["%RETRY%g-a"] == RouteRewriter.clientRoute(
            source: Self.source, target: Self.target, stage: .dualRead, ordered: false))
        #expect(try restarted.changeToken() == 3)
    }
}
