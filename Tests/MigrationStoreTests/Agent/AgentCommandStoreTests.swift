import Foundation
import MigrationEngine
import MigrationStore
import Testing

@Suite struct AgentCommandStoreTests {
    @Test func aNewIdIsRecordedAndTheSameCommandAgainIsUnfinishedThenFinished() async throws {
        let store = AgentCommandStore(database: try MigrationDatabase.inMemory())
        #expect(try await store.receive(id: "c1", command: #"{"action":"migrate.advance"}"#) == .new)
        #expect(try await store.receive(id: "c1", command: #"{"action":"migrate.advance"}"#) == .unfinished)
        #expect(try store.unfinished() == ["c1"])
        try await store.finish(id: "c1", result: #"{"ok":true}"#)
        #expect(try await store.receive(id: "c1", command: #"{"action":"migrate.advance"}"#) == .finished(result: #"{"ok":true}"#))
        #expect(try store.unfinished().isEmpty)
        #expect(try store.count() == 1)
    }

    @Test func aDifferentCommandUnderAUsedIdIsAConflictAndChangesNothing() async throws {
        let store = AgentCommandStore(database: try MigrationDatabase.inMemory())
        _ = try await store.receive(id: "c1", command: #"{"action":"migrate.advance"}"#)
        try await store.finish(id: "c1", result: #"{"ok":true}"#)
        #expect(try await store.receive(id: "c1", command: #"{"action":"migrate.rollback"}"#) == .conflict)
        #expect(try await store.receive(id: "c1", command: #"{"action":"migrate.advance"}"#) == .finished(result: #"{"ok":true}"#))
    }

    @Test func theFirstResultWinsAndAnUnknownIdIsRefused() async throws {
        let store = AgentCommandStore(database: try MigrationDatabase.inMemory())
        _ = try await store.receive(id: "c1", command: "{}")
        try await store.finish(id: "c1", result: "first")
        try await store.finish(id: "c1", result: "second")
        #expect(try await store.receive(id: "c1", command: "{}") == .finished(result: "first"))
        await #expect(throws: MigrationStoreError.self) { try await store.finish(id: "nope", result: "x") }
    }

    @Test func recordsSurviveReopeningTheFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-agentcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        do {
            let store = AgentCommandStore(database: try MigrationDatabase(path: path))
            _ = try await store.receive(id: "c1", command: "{}")
            _ = try await store.receive(id: "c2", command: "{}")
            try await store.finish(id: "c2", result: "done")
        }
        let reopened = AgentCommandStore(database: try MigrationDatabase(path: path))
        #expect(try reopened.unfinished() == ["c1"])
        #expect(try await reopened.receive(id: "c2", command: "{}") == .finished(result: "done"))
    }

    /// The agent and a local `ferry migrate --state <agent db>` open the same file: a write that meets the other's
    /// open transaction waits for it instead of failing with SQLITE_BUSY.
    @Test func aSecondConnectionWritesWhileTheFirstHoldsATransaction() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-agentcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path
        let first = TrafficStore(database: try MigrationDatabase(path: path))
        let second = AgentCommandStore(database: try MigrationDatabase(path: path))
        try await first.create(
            MigrationTask(
                name: "t", sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"],
                topics: [MigrationTopic(name: "A", groups: [], ordered: false, stage: .initial)]),
            audit: TrafficAuditContext(actor: "test"))
        let task = try #require(try first.task(named: "t"))
        let holding = Task {
            try await first.commit(
                task: "t", direction: .advance,
                outcomes: StageMachine.plan(task: task, selected: ["A"], direction: .advance),
                audit: TrafficAuditContext(actor: "test"), beforeCommit: { Thread.sleep(forTimeInterval: 1) })
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await second.receive(id: "c1", command: "{}") == .new)
        _ = try await holding.value
        #expect(try first.task(named: "t")?.topics.first?.stage == .dualRead)
    }
}
