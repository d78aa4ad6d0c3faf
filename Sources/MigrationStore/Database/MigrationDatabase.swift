import Foundation
import GRDB

/// Ferry's local state: one SQLite file, opened through GRDB, whose schema is kept by a single
/// `DatabaseMigrator` with named migrations.
///
/// The import journal lives here today; the stage journal and the audit log add their own named
/// migrations to ``MigrationDatabase/migrator`` beside it.
public struct MigrationDatabase: Sendable {
    /// The GRDB writer; a `DatabaseQueue` serializes every access on its own dispatch queue.
    let writer: DatabaseQueue

    /// Opens (creating when missing) the database file at `path` and applies pending migrations. The
    /// file is its owner's only (0600, see ``PrivateFile``): it keeps brokers' failure reasons.
    public init(path: String) throws(MigrationStoreError) {
        let queue: DatabaseQueue
        try PrivateFile.prepare(path)
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration)
        } catch {
            throw MigrationStoreError(.cannotOpen, "cannot open the state database at \(path)", underlying: error)
        }
        try self.init(queue: queue)
    }

    /// WAL with `synchronous=NORMAL`: each transaction is atomic and survives a process crash, and
    /// commits do not wait for fsync (a power cut may lose the last few, never half of one). Several
    /// processes share one file (the agent and `ferry migrate --state` on the agent's database): a writer
    /// that finds the file locked waits up to 5 s for the other's transaction instead of failing at once.
    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Opens a private in-memory database (tests, dry runs).
    public static func inMemory() throws(MigrationStoreError) -> MigrationDatabase {
        do {
            return try MigrationDatabase(queue: DatabaseQueue())
        } catch let error as MigrationStoreError {
            throw error
        } catch {
            throw MigrationStoreError(.cannotOpen, "cannot open an in-memory database", underlying: error)
        }
    }

    private init(queue: DatabaseQueue) throws(MigrationStoreError) {
        do {
            try Self.migrator.migrate(queue)
        } catch {
            throw MigrationStoreError(.migrationFailed, "cannot apply the schema migrations", underlying: error)
        }
        self.writer = queue
    }

    /// The schema's history. Each migration is named and runs once, in order, in its own transaction.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.importJournal") { db in
            try db.create(table: "importPlan") { table in
                table.primaryKey("planHash", .text)
                table.column("label", .text).notNull()
                table.column("itemCount", .integer).notNull()
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "importItem") { table in
                table.column("planHash", .text).notNull()
                    .references("importPlan", onDelete: .cascade)
                table.column("itemKey", .text).notNull()
                table.column("state", .text).notNull()
                table.column("result", .text)
                table.column("reason", .text)
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("createdAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull()
                table.primaryKey(["planHash", "itemKey"])
            }
        }
        migrator.registerTrafficMigrations()
        migrator.registerMigration("v3.proxyAccess") { db in try ProxyAccessStore.createTables(db) }
        migrator.registerMigration("v4.agentCommands") { db in try AgentCommandStore.createTables(db) }
        migrator.registerCoordinatorMigrations()
        return migrator
    }

    /// The names of the migrations applied so far, in order.
    public func appliedMigrations() throws(MigrationStoreError) -> [String] {
        do {
            return try self.writer.read { db in try Self.migrator.appliedMigrations(db) }
        } catch {
            throw MigrationStoreError(.readFailed, "cannot read the applied migrations", underlying: error)
        }
    }
}
