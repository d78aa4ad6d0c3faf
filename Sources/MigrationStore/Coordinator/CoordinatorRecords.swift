public import Foundation
import GRDB

/// One agent in the coordinator's registry as the state file keeps it (migration `v5.coordinator`).
public struct CoordinatorAgentRecord: Sendable, Equatable {
    /// The agent id (unique).
    public var agentId: String
    /// Its labels.
    public var labels: [String: String]
    /// Its source cluster.
    public var cluster: String
    /// Its build.
    public var version: String
    /// The last line received from it.
    public var lastSeen: Date
    /// The remote address of its last connection.
    public var address: String
    /// Its last full state, as the JSON text it sent (the store does not interpret it), or nil before any.
    public var stateJSON: String?

    /// Makes a record.
    public init(
        agentId: String, labels: [String: String], cluster: String, version: String, lastSeen: Date, address: String,
        stateJSON: String?
    ) {
        self.agentId = agentId
        self.labels = labels
        self.cluster = cluster
        self.version = version
        self.lastSeen = lastSeen
        self.address = address
        self.stateJSON = stateJSON
    }
}

/// One dispatched command as the coordinator keeps it.
public struct CoordinatorCommandRecord: Sendable, Equatable {
    /// The command id (the `CMD` line id).
    public var id: String
    /// The command as sent, as JSON text.
    public var commandJSON: String
    /// Who dispatched it (the operator's authenticated id).
    public var actor: String
    /// When it was dispatched.
    public var createdAt: Date

    /// Makes a record.
    public init(id: String, commandJSON: String, actor: String, createdAt: Date) {
        self.id = id
        self.commandJSON = commandJSON
        self.actor = actor
        self.createdAt = createdAt
    }
}

/// Where one dispatched command stands on one agent.
public struct CoordinatorOutcomeRecord: Sendable, Equatable {
    /// The command id.
    public var commandId: String
    /// The agent.
    public var agentId: String
    /// The status name (the coordinator's `OutcomeStatus` raw value; the store does not interpret it).
    public var status: String
    /// The agent's ack as JSON text, once it came.
    public var resultJSON: String?
    /// When the row last changed.
    public var updatedAt: Date

    /// Makes a record.
    public init(commandId: String, agentId: String, status: String, resultJSON: String?, updatedAt: Date) {
        self.commandId = commandId
        self.agentId = agentId
        self.status = status
        self.resultJSON = resultJSON
        self.updatedAt = updatedAt
    }
}

/// The row of an agent (labels as a JSON object); internal so GRDB stays out of the public API.
struct CoordinatorAgentRow: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "coordinatorAgent" }
    var agentId: String
    var labels: String
    var cluster: String
    var version: String
    var lastSeen: Date
    var address: String
    var state: String?

    init(_ record: CoordinatorAgentRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self.agentId = record.agentId
        self.labels = String(decoding: try encoder.encode(record.labels), as: UTF8.self)
        self.cluster = record.cluster
        self.version = record.version
        self.lastSeen = record.lastSeen
        self.address = record.address
        self.state = record.stateJSON
    }

    /// Throws on a damaged labels cell, so a hand-edited state file is an error rather than lost labels.
    func record() throws -> CoordinatorAgentRecord {
        CoordinatorAgentRecord(
            agentId: self.agentId, labels: try JSONDecoder().decode([String: String].self, from: Data(self.labels.utf8)),
            cluster: self.cluster, version: self.version, lastSeen: self.lastSeen, address: self.address,
            stateJSON: self.state)
    }
}

/// The row of a command.
struct CoordinatorCommandRow: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "coordinatorCommand" }
    var id: String
    var command: String
    var actor: String
    var createdAt: Date

    init(_ record: CoordinatorCommandRecord) {
        self.id = record.id
        self.command = record.commandJSON
        self.actor = record.actor
        self.createdAt = record.createdAt
    }

    var record: CoordinatorCommandRecord {
        CoordinatorCommandRecord(id: self.id, commandJSON: self.command, actor: self.actor, createdAt: self.createdAt)
    }
}

/// The row of one agent's outcome of a command.
struct CoordinatorOutcomeRow: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "coordinatorOutcome" }
    var commandId: String
    var agentId: String
    var status: String
    var result: String?
    var updatedAt: Date

    init(_ record: CoordinatorOutcomeRecord) {
        self.commandId = record.commandId
        self.agentId = record.agentId
        self.status = record.status
        self.result = record.resultJSON
        self.updatedAt = record.updatedAt
    }

    var record: CoordinatorOutcomeRecord {
        CoordinatorOutcomeRecord(
            commandId: self.commandId, agentId: self.agentId, status: self.status, resultJSON: self.result,
            updatedAt: self.updatedAt)
    }
}

extension DatabaseMigrator {
    /// `v5.coordinator`: the coordinator's agent registry, its commands, and every agent's outcome of each.
    mutating func registerCoordinatorMigrations() {
        self.registerMigration("v5.coordinator") { db in
            try db.create(table: "coordinatorAgent") { table in
                table.primaryKey("agentId", .text)
                table.column("labels", .text).notNull()
                table.column("cluster", .text).notNull()
                table.column("version", .text).notNull()
                table.column("lastSeen", .datetime).notNull()
                table.column("address", .text).notNull()
                table.column("state", .text)
            }
            try db.create(table: "coordinatorCommand") { table in
                table.primaryKey("id", .text)
                table.column("command", .text).notNull()
                table.column("actor", .text).notNull()
                table.column("createdAt", .datetime).notNull().indexed()
            }
            try db.create(table: "coordinatorOutcome") { table in
                table.column("commandId", .text).notNull().references("coordinatorCommand", onDelete: .cascade)
                table.column("agentId", .text).notNull()
                table.column("status", .text).notNull()
                table.column("result", .text)
                table.column("updatedAt", .datetime).notNull()
                table.primaryKey(["commandId", "agentId"])
            }
            try db.create(index: "coordinatorOutcomeByAgent", on: "coordinatorOutcome", columns: ["agentId", "status"])
        }
    }
}
