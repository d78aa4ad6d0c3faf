import Foundation
import MigrationEngine
import MigrationStore
import Synchronization
import Testing
import TrafficMigration

@Suite struct StageStepRunnerTests {
    static let audit = TrafficAuditContext(actor: "ops@host", reason: "test")

    static func store(topics: [String] = ["a", "b", "c"]) async throws -> TrafficStore {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        try await store.create(
            MigrationTask(
                name: "t", sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"],
                topics: topics.map { MigrationTopic(name: $0, groups: ["g"], ordered: false) }),
            audit: Self.audit)
        return store
    }

    static func clusters() -> (FakeCluster, FakeCluster) {
        (FakeCluster(brokers: ["src-a"], topics: ["a", "b", "c"]), FakeCluster(brokers: ["tgt-a"], topics: ["a"]))
    }

    @Test func everySelectedTopicMovesAndIsCommitted() async throws {
        let store = try await Self.store()
        let runner = StageStepRunner(store: store)
        let report = try await runner.run(task: "t", selection: .all, direction: .advance, audit: Self.audit)
        #expect(report.everyTopicMoved)
        #expect(report.moves.map(\.to) == [.dualRead, .dualRead, .dualRead])
        #expect(try store.task(named: "t")?.topics.map(\.stage) == [.dualRead, .dualRead, .dualRead])
        #expect(report.changeToken == 2)
    }

    @Test func checkAndGateRefusalsKeepTheCommittedStage() async throws {
        let store = try await Self.store()
        let stepGuard = ScriptedGuard(refuseAtCheck: ["a"], refuseAtGate: ["b"])
        let runner = StageStepRunner(store: store, stepGuard: stepGuard)
        let report = try await runner.run(
            task: "t", selection: .selectors([TopicSelector("*")]), direction: .advance, audit: Self.audit)
        #expect(!report.everyTopicMoved)
        #expect(report.outcomes == [
            .refused(topic: "a", stage: .initial, reason: "check: not ready"),
            .refused(topic: "b", stage: .initial, reason: "gate: outside the window"),
            .moved(StageMove(topic: "c", from: .initial, to: .dualRead)),
        ])
        #expect(stepGuard.asked.withLock { $0 } == ["check a", "check b", "gate b", "check c", "gate c"])
        #expect(try store.task(named: "t")?.topics.map(\.stage) == [.initial, .initial, .dualRead])
        #expect(try store.history(task: "t", topics: ["a"]).last?.reason == "check: not ready")
    }

    @Test func unmatchedSelectorsAndImpossibleStepsAreRefused() async throws {
        let store = try await Self.store()
        let report = try await StageStepRunner(store: store).run(
            task: "t", selection: .selectors([TopicSelector("a"), TopicSelector("x*")]), direction: .rollback,
            audit: Self.audit)
        #expect(report.outcomes == [
            .refused(topic: "a", stage: .initial, reason: "at initial; nothing to roll back to"),
            .refused(topic: "x*", stage: nil, reason: "matches no topic of task t"),
        ])
        #expect(try store.changeToken() == 1)
        await #expect(throws: TrafficMigrationError.self) {
            try await StageStepRunner(store: store).run(task: "nope", selection: .all, direction: .advance, audit: Self.audit)
        }
    }

    @Test func aBrokerNameInBothClustersBlocksAdvanceButNotRollback() async throws {
        let store = try await Self.store()
        let (source, target) = Self.clusters()
        let clusters = TrafficClusters(source: source, target: target)
        _ = try await StageStepRunner(store: store).run(task: "t", selection: .all, direction: .advance, audit: Self.audit)
        target.update { $0.brokers = ["tgt-a", "src-a"] }
        let runner = StageStepRunner(store: store, clusters: clusters)
        let advance = try await runner.run(task: "t", selection: .all, direction: .advance, audit: Self.audit)
        #expect(advance.moves.isEmpty)
        guard case .refused(_, _, let reason) = advance.outcomes.first else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason.contains("broker name src-a exists in both clusters"))
        let rollback = try await runner.run(task: "t", selection: .all, direction: .rollback, audit: Self.audit)
        #expect(rollback.everyTopicMoved)
        target.update { $0.down = true }
        let blind = try await runner.run(task: "t", selection: .all, direction: .advance, audit: Self.audit)
        #expect(blind.moves.isEmpty)
    }

    @Test func offsetsAreSnapshottedAtTheStageChangeAndAnOutageIsNoted() async throws {
        let store = try await Self.store()
        let (source, target) = Self.clusters()
        source.update { $0.offsets = ["a": 100, "b": 7] }
        target.update { $0.offsets = ["a": 3] }
        let runner = StageStepRunner(
            store: store, clusters: TrafficClusters(source: source, target: target),
            now: { Date(timeIntervalSince1970: 5_000) })
        _ = try await runner.run(task: "t", selection: .selectors([TopicSelector("a")]), direction: .advance, audit: Self.audit)
        let snapshots = try store.offsetSnapshots(task: "t")
        #expect(snapshots["a"]?[.source]?.maxOffsetTotal == 100)
        #expect(snapshots["a"]?[.target]?.maxOffsetTotal == 3)
        #expect(snapshots["b"] == nil)
        target.update { $0.down = true }
        source.update { $0.brokers = ["src-a"] }
        _ = try await StageStepRunner(store: store, clusters: TrafficClusters(source: source, target: target))
            .run(task: "t", selection: .selectors([TopicSelector("b")]), direction: .advance, audit: Self.audit)
        // Advance is refused while the target cannot be asked for its broker names; roll back instead.
        _ = try await StageStepRunner(store: store, clusters: TrafficClusters(source: source, target: target))
            .run(task: "t", selection: .selectors([TopicSelector("a")]), direction: .rollback, audit: Self.audit)
        let after = try store.offsetSnapshots(task: "t")
        #expect(after["a"]?[.source]?.maxOffsetTotal == 100)
        #expect(after["a"]?[.target]?.maxOffsetTotal == nil)
        #expect(after["a"]?[.target]?.unavailableReason == "target unreachable: connect failed")
    }

    @Test func aCrashBetweenCommittedAndInEffectLeavesTheCommittedStageForTheRestart() async throws {
        struct Killed: Error {}
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = TrafficStore(database: try MigrationDatabase(path: path))
        try await store.create(
            MigrationTask(
                name: "t", sourceNameServers: ["s"], targetNameServers: ["t"],
                topics: [MigrationTopic(name: "a", groups: ["g"], ordered: true)]),
            audit: Self.audit)
        let inEffect = Mutex(false)
        let runner = StageStepRunner(store: store, afterCommit: { _ in throw Killed() })
        await #expect(throws: Killed.self) {
            _ = try await runner.run(task: "t", selection: .all, direction: .advance, audit: Self.audit)
            inEffect.withLock { $0 = true }
        }
        #expect(!inEffect.withLock { $0 })
        let restarted = TrafficStore(database: try MigrationDatabase(path: path))
        let table = RoutingTable(tasks: try restarted.tasks())
        #expect(table.decision(forTopic: "a") == .rewrite(stage: .dualRead, ordered: true))
        #expect(table.decision(forTopic: "%RETRY%g") == .rewrite(stage: .dualRead, ordered: false))
        #expect(try restarted.history(task: "t").last?.toStage == .dualRead)
    }
}
