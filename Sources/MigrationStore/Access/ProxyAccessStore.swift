import GRDB

/// The routing proxy's client-access records and health, in the state database (migration `v3.proxyAccess`).
///
/// Bounded: ``record(_:olderThan:maxRows:)`` drops rows not seen since a cut-off and keeps at most
/// `maxRows` per task (the least recently seen go first), so a proxy asked by ever new clients cannot
/// grow the file without end.
public struct ProxyAccessStore: Sendable {
    private let database: MigrationDatabase

    /// The records kept in `database`.
    public init(database: MigrationDatabase) {
        self.database = database
    }

    /// Upserts `records` (one row per task, topic and host), then prunes the tasks they belong to.
    /// - Parameters:
    ///   - health: the proxy's health, written in the same transaction, so a reader that sees the
    ///     records also sees the health written with them.
    ///   - olderThan: rows last seen before this (milliseconds since the epoch) are deleted.
    ///   - maxRows: rows kept per task at most.
    public func record(
        _ records: [ProxyAccessRecord], health: ProxyHealthRecord? = nil, olderThan cutoff: Int64, maxRows: Int
    ) async throws(MigrationStoreError) {
        let tasks = Set(records.map(\.task))
        try await self.write("cannot record proxy accesses") { db in
            if let health { try ProxyHealthRow(health).upsert(db) }
            for record in records { try ProxyAccessRow(record).upsert(db) }
            for task in tasks {
                try db.execute(
                    sql: "DELETE FROM proxyAccess WHERE task = ? AND lastSeenMillis < ?", arguments: [task, cutoff])
                try db.execute(
                    sql: """
                        DELETE FROM proxyAccess WHERE task = ? AND rowid NOT IN (
                            SELECT rowid FROM proxyAccess WHERE task = ? ORDER BY lastSeenMillis DESC LIMIT ?)
                        """,
                    arguments: [task, task, max(maxRows, 0)])
            }
        }
    }

    /// Every access record of `task`, by topic then host.
    public func accesses(task: String) throws(MigrationStoreError) -> [ProxyAccessRecord] {
        do {
            return try self.database.writer.read { db in
                try ProxyAccessRow.filter(Column("task") == task)
                    .order(Column("topic"), Column("host")).fetchAll(db).map(\.record)
            }
        } catch {
            throw MigrationStoreError(.readFailed, "cannot read the proxy accesses of task \(task)", underlying: error)
        }
    }

    /// The hosts that asked for `topic` of `task`: one lookup on the table's (task, topic, host) key, for callers
    /// that ask topic by topic (the readiness checks) instead of reading every record each time.
    public func hosts(task: String, topic: String) throws(MigrationStoreError) -> Set<String> {
        do {
            return try self.database.writer.read { db in
                Set(try String.fetchAll(
                    db, sql: "SELECT host FROM proxyAccess WHERE task = ? AND topic = ?", arguments: [task, topic]))
            }
        } catch {
            throw MigrationStoreError(.readFailed, "cannot read the proxy accesses of task \(task)", underlying: error)
        }
    }

    /// The last health a proxy wrote for `task`, or nil if none ever ran.
    public func health(task: String) throws(MigrationStoreError) -> ProxyHealthRecord? {
        do {
            return try self.database.writer.read { db in try ProxyHealthRow.fetchOne(db, key: task)?.record }
        } catch {
            throw MigrationStoreError(.readFailed, "cannot read the proxy health of task \(task)", underlying: error)
        }
    }

    /// Creates the tables (registered by ``MigrationDatabase/migrator``).
    static func createTables(_ db: Database) throws {
        try db.create(table: "proxyAccess") { table in
            table.column("task", .text).notNull()
            table.column("topic", .text).notNull()
            table.column("host", .text).notNull()
            table.column("lastAddress", .text).notNull()
            table.column("firstSeenMillis", .integer).notNull()
            table.column("lastSeenMillis", .integer).notNull()
            table.column("queries", .integer).notNull()
            table.primaryKey(["task", "topic", "host"])
        }
        try db.create(index: "proxyAccessBySeen", on: "proxyAccess", columns: ["task", "lastSeenMillis"])
        try db.create(table: "proxyHealth") { table in
            table.primaryKey("task", .text)
            table.column("listen", .text).notNull()
            table.column("updatedMillis", .integer).notNull()
            table.column("sourceReachable", .boolean).notNull()
            table.column("targetReachable", .boolean).notNull()
            table.column("cachedTopics", .integer).notNull()
            table.column("warning", .text).notNull()
        }
    }

    private func write(
        _ what: String, _ body: @escaping @Sendable (Database) throws -> Void
    ) async throws(MigrationStoreError) {
        do {
            try await self.database.writer.write(body)
        } catch {
            throw MigrationStoreError(.writeFailed, what, underlying: error)
        }
    }
}

/// The SQLite row behind a ``ProxyAccessRecord`` (internal, so GRDB stays out of the public API).
struct ProxyAccessRow: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "proxyAccess" }
    var record: ProxyAccessRecord

    init(_ record: ProxyAccessRecord) { self.record = record }
    init(from decoder: any Decoder) throws { self.record = try ProxyAccessRecord(from: decoder) }
    func encode(to encoder: any Encoder) throws { try self.record.encode(to: encoder) }
}

/// The SQLite row behind a ``ProxyHealthRecord``.
struct ProxyHealthRow: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "proxyHealth" }
    var record: ProxyHealthRecord

    init(_ record: ProxyHealthRecord) { self.record = record }
    init(from decoder: any Decoder) throws { self.record = try ProxyHealthRecord(from: decoder) }
    func encode(to encoder: any Encoder) throws { try self.record.encode(to: encoder) }
}
