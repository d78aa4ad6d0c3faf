import Foundation
import GRDB

/// The row of a task (name servers as JSON arrays); internal so GRDB stays out of the public API.
struct TrafficTaskRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "trafficTask" }
    var name: String
    var sourceNameServers: String
    var targetNameServers: String
    var quietPeriodSeconds: Int64
    var createdAt: Date
}

/// The row of one topic of a task (groups as a JSON array; `position` keeps the task's order).
struct TrafficTopicRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "trafficTopic" }
    var taskName: String
    var name: String
    var position: Int
    var groups: String
    var ordered: Bool
    var stage: Int
    var stageChangedAt: Date
}

/// The row of one side's offset snapshot.
struct TrafficOffsetRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "trafficOffsetSnapshot" }
    var taskName: String
    var topic: String
    var side: String
    var maxOffsetTotal: Int64?
    var unavailableReason: String?
    var takenAt: Date
}

/// The row of one audit entry (overrides as a JSON array).
struct TrafficAuditRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static var databaseTableName: String { "trafficAudit" }
    var id: Int64?
    var taskName: String
    var topic: String?
    var action: String
    var outcome: String
    var fromStage: Int?
    var toStage: Int?
    var actor: String
    var reason: String?
    var overrides: String
    var at: Date

    mutating func didInsert(_ inserted: InsertionSuccess) {
        self.id = inserted.rowID
    }
}

/// JSON text columns holding string arrays.
enum JSONColumn {
    static func encode(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    /// Throws on a damaged cell, so a hand-edited state file is an error rather than a silently emptied list.
    static func decode(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
