import Foundation
import MigrationEngine
import MigrationStore
import Testing

@Suite struct TrafficStoreTests {
    static let audit = TrafficAuditContext(actor: "alice@host", reason: "window 42")

    static func task(_ name: String = "orders", topics: [String] = ["a", "b"]) -> MigrationTask {
        MigrationTask(
            name: name, sourceNameServers: ["s1:9876", "s2:9876"], targetNameServers: ["t:9876"],
            topics: topics.map { MigrationTopic(name: $0, groups: ["g-\($0)"], ordered: $0 == "b") },
            quietPeriodSeconds: 120)
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ferry-traffic-\(UUID().uuidString).sqlite").path
    }

    @Test func createdTasksReadBackWithTheirTopicsInOrder() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        #expect(try store.changeToken() == 0)
        try await store.create(Self.task(topics: ["z", "a", "b"]), audit: Self.audit)
        try await store.create(Self.task("billing", topics: ["c"]), audit: Self.audit)
        #expect(try store.tasks().map(\.name) == ["billing", "orders"])
        #expect(try store.task(named: "orders") == Self.task(topics: ["z", "a", "b"]))
        #expect(try store.task(named: "nope") == nil)
        #expect(try store.changeToken() == 2)
        let history = try store.history(task: "orders")
        #expect(history.map(\.action) == [.create])
        #expect(history.first?.actor == "alice@host")
        #expect(history.first?.reason == "window 42")
    }

    @Test func duplicateTaskOrTopicIsRefusedAndWritesNothing() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        try await store.create(Self.task(), audit: Self.audit)
        await #expect { try await store.create(Self.task(topics: ["x"]), audit: Self.audit) } throws: {
            ($0 as? MigrationStoreError)?.code == .taskExists
        }
        await #expect { try await store.create(Self.task("other", topics: ["x", "a"]), audit: Self.audit) } throws: {
            ($0 as? MigrationStoreError)?.code == .topicInOtherTask
        }
        #expect(try store.tasks().map(\.name) == ["orders"])
        #expect(try store.changeToken() == 1)
    }

    @Test func commitMovesStagesWritesAuditAndBumpsTheTokenOnce() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        try await store.create(Self.task(), audit: Self.audit)
        let task = try #require(try store.task(named: "orders"))
        let plan = StageMachine.plan(task: task, selected: ["a", "b"], direction: .advance)
        let snapshot = TopicOffsetSnapshot(maxOffsetTotal: 17, takenAt: Date(timeIntervalSince1970: 1_000))
        let outcomes = try await store.commit(
            task: "orders", direction: .advance, outcomes: plan, audit: Self.audit,
            offsets: ["a": [.source: snapshot, .target: TopicOffsetSnapshot(
                maxOffsetTotal: nil, unavailableReason: "unreachable", takenAt: snapshot.takenAt)]])
        #expect(outcomes == plan)
        #expect(try store.task(named: "orders")?.topics.map(\.stage) == [.dualRead, .dualRead])
        #expect(try store.changeToken() == 2)
        #expect(try store.offsetSnapshots(task: "orders")["a"]?[.source] == snapshot)
        #expect(try store.offsetSnapshots(task: "orders")["a"]?[.target]?.unavailableReason == "unreachable")
        let rows = try store.history(task: "orders", topics: ["b"])
        #expect(rows.map(\.action) == [.create, .advance])
        #expect(rows.last?.fromStage == .initial)
        #expect(rows.last?.toStage == .dualRead)
        #expect(rows.last?.outcome == .committed)
    }

    @Test func aMovePlannedOnAStaleStageIsRefusedInsideTheTransaction() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        try await store.create(Self.task(), audit: Self.audit)
        let task = try #require(try store.task(named: "orders"))
        let plan = StageMachine.plan(task: task, selected: ["a"], direction: .advance)
        _ = try await store.commit(task: "orders", direction: .advance, outcomes: plan, audit: Self.audit)
        let again = try await store.commit(task: "orders", direction: .advance, outcomes: plan, audit: Self.audit)
        #expect(again == [.refused(topic: "a", stage: .dualRead, reason: "its stage changed to dual-read since the step was planned")])
        #expect(try store.task(named: "orders")?.topics.first?.stage == .dualRead)
        #expect(try store.changeToken() == 2)
        #expect(try store.history(task: "orders", topics: ["a"]).last?.outcome == .refused)
    }

    @Test func refusedOutcomesAreAuditedButMoveNothing() async throws {
        let store = TrafficStore(database: try MigrationDatabase.inMemory())
        try await store.create(Self.task(), audit: Self.audit)
        let refused = StageStepOutcome.refused(topic: "a", stage: .initial, reason: "gate: maintenance window")
        _ = try await store.commit(task: "orders", direction: .advance, outcomes: [refused], audit: Self.audit)
        #expect(try store.changeToken() == 1)
        let row = try #require(try store.history(task: "orders", topics: ["a"]).last)
        #expect(row.outcome == .refused)
        #expect(row.reason == "gate: maintenance window")
        await #expect { try await store.commit(task: "nope", direction: .advance, outcomes: [], audit: Self.audit) } throws: {
            ($0 as? MigrationStoreError)?.code == .unknownTask
        }
    }
}
