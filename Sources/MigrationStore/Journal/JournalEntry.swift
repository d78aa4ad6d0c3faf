public import Foundation
import GRDB

/// Where one item of a journaled plan stands.
public enum JournalItemState: String, Sendable, Codable, CaseIterable {
    /// Not yet attempted, or interrupted before its outcome was recorded: a rerun attempts it.
    case pending
    /// Finished; a rerun skips it.
    case done
    /// Attempted and failed; a rerun attempts it again.
    case failed
}

/// One item of a plan as the journal holds it.
public struct JournalEntry: Sendable, Codable, Equatable {
    /// The hash of the plan file the item belongs to.
    public var planHash: String
    /// The item's stable key inside the plan (e.g. `topic:mro%order_created`).
    public var itemKey: String
    /// Where the item stands.
    public var state: JournalItemState
    /// The outcome word of a done item (`created`, `updated`, `unchanged`), else nil.
    public var result: String?
    /// Why the last attempt failed, for a failed item.
    public var reason: String?
    /// How many attempts recorded an outcome.
    public var attempts: Int
    /// When the journal first listed the item.
    public var createdAt: Date
    /// When the item's state last changed.
    public var updatedAt: Date
}

/// The SQLite row behind a ``JournalEntry`` (kept internal so GRDB stays out of the public API).
struct JournalItemRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "importItem" }
    var entry: JournalEntry

    init(_ entry: JournalEntry) { self.entry = entry }
    init(from decoder: any Decoder) throws { self.entry = try JournalEntry(from: decoder) }
    func encode(to encoder: any Encoder) throws { try self.entry.encode(to: encoder) }
}

/// The journal's header row for one plan.
struct JournalPlanRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "importPlan" }
    var planHash: String
    var label: String
    var itemCount: Int
    var createdAt: Date
}
