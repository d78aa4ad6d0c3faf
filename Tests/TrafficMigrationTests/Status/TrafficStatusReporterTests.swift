import Foundation
import MigrationEngine
import MigrationStore
import Synchronization
import Testing
import TrafficMigration

@Suite struct TrafficStatusReporterTests {
    struct ProxyAccess: TopicClientAccess {
        func clients(task: MigrationTask, topic: MigrationTopic) async -> TopicClients? {
            topic.name == "a" ? TopicClients(onProxy: 3, onSourceOnly: 1) : nil
        }
    }

    static func store() async throws -> TrafficStore {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        try await store.create(
            MigrationTask(
                name: "t", sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"],
                topics: [
                    MigrationTopic(name: "a", groups: ["g"], ordered: true, stage: .cuttingOver),
                    MigrationTopic(name: "b", groups: [], ordered: false),
                ], quietPeriodSeconds: 60),
            audit: TrafficAuditContext(actor: "test"),
            offsets: ["a": [.source: TopicOffsetSnapshot(maxOffsetTotal: 10, takenAt: Date())]])
        return store
    }

    @Test func rowsFollowTheStageTableAndTheClientHook() async throws {
        let source = FakeCluster(brokers: ["src"])
        source.update { $0.offsets = ["a": 25] }
        let target = FakeCluster(brokers: ["tgt"])
        let reporter = TrafficStatusReporter(
            store: try await Self.store(), clusters: TrafficClusters(source: source, target: target), clientAccess: ProxyAccess())
        let status = try await reporter.status(task: "t", selection: .all)
        let a = status.topics[0]
        #expect(a.stage == "cutting-over" && a.stageNumber == 3 && a.ordered)
        #expect(!a.source.producers && a.source.consumers && a.target.producers && a.target.consumers)
        #expect(a.source.messagesSinceStageChange == 15)
        #expect(a.target.messagesSinceStageChange == nil)
        #expect(a.target.unavailableReason == "no offsets were taken at the last stage change")
        #expect(a.clients == TopicClients(onProxy: 3, onSourceOnly: 1))
        #expect(status.topics[1].clients == nil)

        var judged = status
        judged.topics[0].effect = StageEffect(stage: .cuttingOver, inEffect: false, reason: "the source still receives writes")
        let lines = TrafficStatusTable.render(judged)
        #expect(lines[0] == "task t: source s:9876 → target t:9876, quiet period 60s")
        #expect(lines[1].hasPrefix("TOPIC  STAGE           ORDERED  PRODUCERS  CONSUMERS  SOURCE MSGS  TARGET MSGS"))
        #expect(lines[1].hasSuffix("CLIENTS PROXY/SOURCE  IN EFFECT"))
        #expect(lines[2] == "a      3 cutting-over  yes      target     both       15           ?            3/1                   not yet")
        #expect(lines[3] == "b      0 initial       no       source     source     ?            ?            -                     ?")
        #expect(lines.contains("? no offsets were taken at the last stage change"))
        #expect(lines.contains("? a not yet in effect: the source still receives writes"))
    }

    @Test func anUnreachableClusterIsProbedOnceAndNamedInEveryRow() async throws {
        let source = FakeCluster(brokers: ["src"])
        let target = FakeCluster(brokers: ["tgt"])
        source.update { $0.down = true }
        let reporter = TrafficStatusReporter(store: try await Self.store(), clusters: TrafficClusters(source: source, target: target))
        let status = try await reporter.status(task: "t", selection: .selectors([TopicSelector("*")]))
        #expect(status.topics.allSatisfy { $0.source.unavailableReason == "source unreachable: connect failed" })
        #expect(source.calls == 1)
        await #expect(throws: TrafficMigrationError.self) {
            try await reporter.status(task: "nope", selection: .all)
        }
    }

    @Test func offsetsAreReadConcurrentlyWithABound() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        let names = (0..<100).map { "t\($0)" }
        try await store.create(
            MigrationTask(
                name: "many", sourceNameServers: ["s:1"], targetNameServers: ["t:1"],
                topics: names.map { MigrationTopic(name: $0, groups: [], ordered: false) }),
            audit: TrafficAuditContext(actor: "test"))
        let source = FakeCluster(brokers: ["src"])
        let target = FakeCluster(brokers: ["tgt"])
        source.update {
            $0.delay = .milliseconds(20)
            for name in names { $0.offsets[name] = 7 }
        }
        let snapshots = await TrafficClusters(source: source, target: target).offsetSnapshots(of: names, now: Date())
        #expect(snapshots.count == 100)
        #expect(snapshots.values.allSatisfy { $0[.source]?.maxOffsetTotal == 7 && $0[.target]?.maxOffsetTotal == 0 })
        let most = source.state.withLock { $0.maxInFlight }
        #expect(most > 1 && most <= TrafficClusters.offsetReadConcurrency)
    }
}
