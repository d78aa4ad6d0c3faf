public import Foundation
import GRDB

/// The per-item journal of metadata imports.
///
/// A plan is identified by the hash of its file. ``begin(planHash:label:itemKeys:now:)`` lists every
/// item as pending in one transaction; each outcome is then recorded in its own transaction, so a crash
/// leaves every item either pending or with a complete outcome, never half-written. A rerun of the same
/// plan skips the items already done.
public struct ImportJournal: Sendable {
    private let database: MigrationDatabase

    /// A journal stored in `database`.
    public init(database: MigrationDatabase) {
        self.database = database
    }

    /// Registers the plan and its items (new items as pending; items already journaled keep their state)
    /// and returns every entry of the plan, keyed by item.
    public func begin(
        planHash: String, label: String, itemKeys: [String], now: Date = Date()
    ) async throws(MigrationStoreError) -> [String: JournalEntry] {
        try await self.write("cannot register plan \(planHash)") { db in
            try JournalPlanRecord(planHash: planHash, label: label, itemCount: itemKeys.count, createdAt: now)
                .insert(db, onConflict: .ignore)
            for key in itemKeys {
                let entry = JournalEntry(
                    planHash: planHash, itemKey: key, state: .pending, result: nil, reason: nil,
                    attempts: 0, createdAt: now, updatedAt: now)
                try JournalItemRecord(entry).insert(db, onConflict: .ignore)
            }
        }
        return try await self.entries(planHash: planHash)
    }

    /// Every entry of the plan, keyed by item; empty when the plan was never begun.
    public func entries(planHash: String) async throws(MigrationStoreError) -> [String: JournalEntry] {
        do {
            let rows = try await self.database.writer.read { db in
                try JournalItemRecord.filter(Column("planHash") == planHash).fetchAll(db)
            }
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.entry.itemKey, $0.entry) })
        } catch {
            throw MigrationStoreError(.readFailed, "cannot read the journal of plan \(planHash)", underlying: error)
        }
    }

    /// Records that an item finished with `result` (e.g. `created`).
    public func markDone(
        planHash: String, itemKey: String, result: String, now: Date = Date()
    ) async throws(MigrationStoreError) {
        try await self.update(planHash: planHash, itemKey: itemKey, state: .done, result: result, reason: nil, now: now)
    }

    /// Records that an item failed, and why.
    public func markFailed(
        planHash: String, itemKey: String, reason: String, now: Date = Date()
    ) async throws(MigrationStoreError) {
        try await self.update(planHash: planHash, itemKey: itemKey, state: .failed, result: nil, reason: reason, now: now)
    }

    /// How many of the plan's items are in each state.
    public func counts(planHash: String) async throws(MigrationStoreError) -> [JournalItemState: Int] {
        var counts: [JournalItemState: Int] = [:]
        for entry in try await self.entries(planHash: planHash).values { counts[entry.state, default: 0] += 1 }
        return counts
    }

    private func update(
        planHash: String, itemKey: String, state: JournalItemState, result: String?, reason: String?, now: Date
    ) async throws(MigrationStoreError) {
        let found = try await self.write("cannot record the outcome of \(itemKey)") { db -> Bool in
            let key = ["planHash": planHash, "itemKey": itemKey]
            guard var record = try JournalItemRecord.fetchOne(db, key: key) else { return false }
            record.entry.state = state
            record.entry.result = result
            record.entry.reason = reason
            record.entry.attempts += 1
            record.entry.updatedAt = now
            try record.update(db)
            return true
        }
        if !found {
            throw MigrationStoreError(.unknownItem, "item \(itemKey) is not in the journal of plan \(planHash)")
        }
    }

    private func write<T: Sendable>(
        _ what: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(MigrationStoreError) -> T {
        do {
            return try await self.database.writer.write(body)
        } catch {
            throw MigrationStoreError(.writeFailed, what, underlying: error)
        }
    }
}
