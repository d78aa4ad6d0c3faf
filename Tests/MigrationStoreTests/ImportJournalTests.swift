import Foundation
import MigrationStore
import Testing

@Suite struct ImportJournalTests {
    @Test func migrationsAreNamedAndApplied() async throws {
        let database = try MigrationDatabase.inMemory()
        #expect(
            try database.appliedMigrations() == [
                "v1.importJournal", "v2.traffic", "v3.proxyAccess", "v4.agentCommands", "v5.coordinator",
            ])
    }

    @Test func beginListsItemsAsPendingAndKeepsExistingStates() async throws {
        let journal = ImportJournal(database: try MigrationDatabase.inMemory())
        let first = try await journal.begin(planHash: "h1", label: "plan.json", itemKeys: ["topic:a", "group:b"])
        #expect(first.count == 2)
        #expect(first.values.allSatisfy { $0.state == .pending && $0.attempts == 0 })

        try await journal.markDone(planHash: "h1", itemKey: "topic:a", result: "created")
        try await journal.markFailed(planHash: "h1", itemKey: "group:b", reason: "NO_PERMISSION")
        let again = try await journal.begin(planHash: "h1", label: "plan.json", itemKeys: ["topic:a", "group:b"])
        #expect(again["topic:a"]?.state == .done)
        #expect(again["topic:a"]?.result == "created")
        #expect(again["group:b"]?.state == .failed)
        #expect(again["group:b"]?.reason == "NO_PERMISSION")
        #expect(again["group:b"]?.attempts == 1)
        #expect(try await journal.counts(planHash: "h1") == [.done: 1, .failed: 1])
    }

    @Test func plansAreSeparatedByHash() async throws {
        let journal = ImportJournal(database: try MigrationDatabase.inMemory())
        _ = try await journal.begin(planHash: "h1", label: "p1", itemKeys: ["topic:a"])
        try await journal.markDone(planHash: "h1", itemKey: "topic:a", result: "created")
        let other = try await journal.begin(planHash: "h2", label: "p2", itemKeys: ["topic:a"])
        #expect(other["topic:a"]?.state == .pending)
        #expect(try await journal.entries(planHash: "nope").isEmpty)
    }

    @Test func unknownItemIsAnErrorAndWritesNothing() async throws {
        let journal = ImportJournal(database: try MigrationDatabase.inMemory())
        _ = try await journal.begin(planHash: "h1", label: "p", itemKeys: ["topic:a"])
        await #expect {
            try await journal.markDone(planHash: "h1", itemKey: "topic:zzz", result: "created")
        } throws: { error in
            (error as? MigrationStoreError)?.code == .unknownItem
        }
        #expect(try await journal.entries(planHash: "h1").keys.sorted() == ["topic:a"])
    }

    @Test func survivesReopeningTheFile() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-journal-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("state.sqlite").path
        do {
            let journal = ImportJournal(database: try MigrationDatabase(path: path))
            _ = try await journal.begin(planHash: "h", label: "p", itemKeys: ["topic:a", "topic:b"])
            try await journal.markDone(planHash: "h", itemKey: "topic:b", result: "unchanged")
        }
        let reopened = ImportJournal(database: try MigrationDatabase(path: path))
        let entries = try await reopened.entries(planHash: "h")
        #expect(entries["topic:a"]?.state == .pending)
        #expect(entries["topic:b"]?.state == .done)
    }

    @Test func unwritablePathIsACannotOpenError() {
        #expect {
            _ = try MigrationDatabase(path: "/proc/ferry-no-such/state.sqlite")
        } throws: { error in
            (error as? MigrationStoreError)?.code == .cannotOpen
        }
    }
}
