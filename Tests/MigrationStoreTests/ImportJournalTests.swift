import Foundation
import MigrationStore
import Testing

@Suite struct ImportJournalTests {
    @Test func migrationsAreNamedAndApplied() throws {
        let database = try MigrationDatabase.inMemory()
        #expect(try database.appliedMigrations() == ["v1.importJournal"])
    }

    @Test func beginListsItemsAsPendingAndKeepsExistingStates() throws {
        let journal = ImportJournal(database: try MigrationDatabase.inMemory())
        let first = try journal.begin(planHash: "h1", label: "plan.json", itemKeys: ["topic:a", "group:b"])
        #expect(first.count == 2)
        #expect(first.values.allSatisfy { $0.state == .pending && $0.attempts == 0 })

        try journal.markDone(planHash: "h1", itemKey: "topic:a", result: "created")
        try journal.markFailed(planHash: "h1", itemKey: "group:b", reason: "NO_PERMISSION")
        let again = try journal.begin(planHash: "h1", label: "plan.json", itemKeys: ["topic:a", "group:b"])
        #expect(again["topic:a"]?.state == .done)
        #expect(again["topic:a"]?.result == "created")
        #expect(again["group:b"]?.state == .failed)
        #expect(again["group:b"]?.reason == "NO_PERMISSION")
        #expect(again["group:b"]?.attempts == 1)
        #expect(try journal.counts(planHash: "h1") == [.done: 1, .failed: 1])
    }

    @Test func plansAreSeparatedByHash() throws {
        let journal = ImportJournal(database: try MigrationDatabase.inMemory())
        _ = try journal.begin(planHash: "h1", label: "p1", itemKeys: ["topic:a"])
        try journal.markDone(planHash: "h1", itemKey: "topic:a", result: "created")
        let other = try journal.begin(planHash: "h2", label: "p2", itemKeys: ["topic:a"])
        #expect(other["topic:a"]?.state == .pending)
        #expect(try journal.entries(planHash: "nope").isEmpty)
    }

    @Test func unknownItemIsAnErrorAndWritesNothing() throws {
        let journal = ImportJournal(database: try MigrationDatabase.inMemory())
        _ = try journal.begin(planHash: "h1", label: "p", itemKeys: ["topic:a"])
        #expect {
            try journal.markDone(planHash: "h1", itemKey: "topic:zzz", result: "created")
        } throws: { error in
            (error as? MigrationStoreError)?.code == .unknownItem
        }
        #expect(try journal.entries(planHash: "h1").keys.sorted() == ["topic:a"])
    }

    @Test func survivesReopeningTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-journal-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("state.sqlite").path
        do {
            let journal = ImportJournal(database: try MigrationDatabase(path: path))
            _ = try journal.begin(planHash: "h", label: "p", itemKeys: ["topic:a", "topic:b"])
            try journal.markDone(planHash: "h", itemKey: "topic:b", result: "unchanged")
        }
        let reopened = ImportJournal(database: try MigrationDatabase(path: path))
        let entries = try reopened.entries(planHash: "h")
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
