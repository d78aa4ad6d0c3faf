public import Foundation
import GRDB

/// The commands an agent received from its coordinator, by command id, with their results (migration
/// `v4.agentCommands`): what makes command handling idempotent across reconnects and restarts.
///
/// A command is recorded when it arrives and its result when it ends, each in its own transaction. The
/// command and result are stored as the JSON text the caller gives (this module does not know the line
/// protocol's types); ``receive(id:command:now:)`` compares commands by that text, so callers pass a
/// canonical encoding (sorted keys).
public struct AgentCommandStore: Sendable {
    private let database: MigrationDatabase

    /// The records kept in `database`.
    public init(database: MigrationDatabase) {
        self.database = database
    }

    /// What ``receive(id:command:now:)`` found under a command id.
    public enum Receipt: Sendable, Equatable {
        /// The id was new: the command is now recorded and is the caller's to run.
        case new
        /// The same command was recorded before and has not finished (it runs now, or ran when the agent died).
        case unfinished
        /// The same command finished before, with this result (JSON text).
        case finished(result: String)
        /// The id was used for a different command.
        case conflict
    }

    /// Records `command` (JSON text) under `id` unless the id is known, in one transaction.
    public func receive(id: String, command: String, now: Date = Date()) async throws(MigrationStoreError) -> Receipt {
        try await self.write("cannot record command \(id)") { db in
            if let row = try Row.fetchOne(db, sql: "SELECT command, result FROM agentCommand WHERE id = ?", arguments: [id]) {
                let recorded: String = row["command"]
                guard recorded == command else { return .conflict }
                let result: String? = row["result"]
                return result.map { .finished(result: $0) } ?? .unfinished
            }
            try db.execute(
                sql: "INSERT INTO agentCommand (id, command, receivedAt) VALUES (?, ?, ?)", arguments: [id, command, now])
            return .new
        }
    }

    /// Records the result (JSON text) of the command `id`; a result already recorded is kept (first one wins).
    /// - Throws: ``MigrationStoreError/Code/unknownItem`` when no command has that id.
    public func finish(id: String, result: String, now: Date = Date()) async throws(MigrationStoreError) {
        try await self.write("cannot record the result of command \(id)") { db in
            try db.execute(
                sql: "UPDATE agentCommand SET result = ?, finishedAt = ? WHERE id = ? AND result IS NULL",
                arguments: [result, now, id])
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM agentCommand WHERE id = ?", arguments: [id]) == true else {
                throw MigrationStoreError(.unknownItem, "no command with id \(id)")
            }
        }
    }

    /// The ids of commands recorded without a result (the agent stopped while they ran), oldest first.
    public func unfinished() throws(MigrationStoreError) -> [String] {
        do {
            return try self.database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM agentCommand WHERE result IS NULL ORDER BY receivedAt, id")
            }
        } catch {
            throw MigrationStoreError(.readFailed, "cannot read the unfinished commands", underlying: error)
        }
    }

    /// The number of commands recorded.
    public func count() throws(MigrationStoreError) -> Int {
        do {
            return try self.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agentCommand") ?? 0 }
        } catch {
            throw MigrationStoreError(.readFailed, "cannot count the recorded commands", underlying: error)
        }
    }

    /// `v4.agentCommands`: one row per command id.
    static func createTables(_ db: Database) throws {
        try db.create(table: "agentCommand") { table in
            table.primaryKey("id", .text)
            table.column("command", .text).notNull()
            table.column("result", .text)
            table.column("receivedAt", .datetime).notNull()
            table.column("finishedAt", .datetime)
        }
    }

    private func write<T: Sendable>(
        _ what: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(MigrationStoreError) -> T {
        do {
            return try await self.database.writer.write(body)
        } catch let error as MigrationStoreError {
            throw error
        } catch {
            throw MigrationStoreError(.writeFailed, what, underlying: error)
        }
    }
}
