import GRDB

/// The coordinator's state in the state file (migration `v5.coordinator`): its agent registry, the commands it
/// dispatched and each agent's outcome of each.
///
/// The store keeps the contract's payloads as JSON text and the outcome status as a name, without interpreting
/// them (MigrationStore sits below the protocol module). Every call is one transaction, so a coordinator killed
/// at any point finds each command with all its outcome rows or not at all, and every ack committed before the
/// kill. Bounded: ``createCommand(_:outcomes:keepingAtMost:)`` drops the oldest commands past a cap.
public struct CoordinatorStore: Sendable {
    private let database: MigrationDatabase

    /// The coordinator state kept in `database`.
    public init(database: MigrationDatabase) {
        self.database = database
    }

    /// Inserts or replaces the agent's row.
    public func saveAgent(_ record: CoordinatorAgentRecord) async throws(MigrationStoreError) {
        let row: CoordinatorAgentRow
        do {
            row = try CoordinatorAgentRow(record)
        } catch {
            throw MigrationStoreError(.writeFailed, "cannot encode agent \(record.agentId)", underlying: error)
        }
        try await self.write("cannot save agent \(record.agentId)") { db in try row.upsert(db) }
    }

    /// Every agent, by id.
    public func agents() throws(MigrationStoreError) -> [CoordinatorAgentRecord] {
        try self.read("cannot read the agents") { db in
            try CoordinatorAgentRow.order(Column("agentId")).fetchAll(db).map { try $0.record() }
        }
    }

    /// Commits `command` with its first outcome rows in one transaction, then deletes the oldest commands (and
    /// their outcomes) beyond `limit`. Returns false, changing nothing, when the id is already used.
    public func createCommand(
        _ command: CoordinatorCommandRecord, outcomes: [CoordinatorOutcomeRecord], keepingAtMost limit: Int
    ) async throws(MigrationStoreError) -> Bool {
        try await self.writeReturning("cannot record command \(command.id)") { db in
            if try CoordinatorCommandRow.exists(db, key: command.id) { return false }
            try CoordinatorCommandRow(command).insert(db)
            for outcome in outcomes { try CoordinatorOutcomeRow(outcome).insert(db) }
            try db.execute(
                sql: """
                    DELETE FROM coordinatorCommand WHERE id NOT IN (
                        SELECT id FROM coordinatorCommand ORDER BY createdAt DESC, id DESC LIMIT ?)
                    """,
                arguments: [max(limit, 1)])
            return true
        }
    }

    /// The command `id` with its outcome rows by agent id, or nil.
    public func command(
        id: String
    ) throws(MigrationStoreError) -> (command: CoordinatorCommandRecord, outcomes: [CoordinatorOutcomeRecord])? {
        try self.read("cannot read command \(id)") { db in
            guard let row = try CoordinatorCommandRow.fetchOne(db, key: id) else { return nil }
            let outcomes = try CoordinatorOutcomeRow.filter(Column("commandId") == id).order(Column("agentId"))
                .fetchAll(db).map(\.record)
            return (row.record, outcomes)
        }
    }

    /// Writes each outcome row whose current status is one of `statuses` (an ack never overwrites a finished
    /// outcome), all in one transaction; returns the rows written.
    public func updateOutcomes(
        _ outcomes: [CoordinatorOutcomeRecord], whereStatusIn statuses: Set<String>
    ) async throws(MigrationStoreError) -> [CoordinatorOutcomeRecord] {
        let allowed = Array(statuses)
        return try await self.writeReturning("cannot record command outcomes") { db in
            var written: [CoordinatorOutcomeRecord] = []
            for outcome in outcomes {
                let placeholders = databaseQuestionMarks(count: allowed.count)
                try db.execute(
                    sql: """
                        UPDATE coordinatorOutcome SET status = ?, result = ?, updatedAt = ?
                        WHERE commandId = ? AND agentId = ? AND status IN (\(placeholders))
                        """,
                    arguments: StatementArguments(
                        [outcome.status, outcome.resultJSON, outcome.updatedAt, outcome.commandId, outcome.agentId]
                            as [(any DatabaseValueConvertible)?]) + StatementArguments(allowed))
                if db.changesCount > 0 { written.append(outcome) }
            }
            return written
        }
    }

    /// The commands that have an outcome for `agentId` in one of `statuses`, oldest first, at most `limit`.
    public func commands(
        agentId: String, withOutcomeIn statuses: Set<String>, limit: Int
    ) throws(MigrationStoreError) -> [CoordinatorCommandRecord] {
        let allowed = Array(statuses)
        return try self.read("cannot read the unfinished commands of agent \(agentId)") { db in
            try CoordinatorCommandRow.fetchAll(
                db,
                sql: """
                    SELECT c.* FROM coordinatorCommand c JOIN coordinatorOutcome o ON o.commandId = c.id
                    WHERE o.agentId = ? AND o.status IN (\(databaseQuestionMarks(count: allowed.count)))
                    ORDER BY c.createdAt, c.id LIMIT ?
                    """,
                arguments: [agentId] + StatementArguments(allowed) + [max(limit, 0)]
            ).map(\.record)
        }
    }

    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws(MigrationStoreError) -> T {
        do {
            return try self.database.writer.read(body)
        } catch {
            throw MigrationStoreError(.readFailed, what, underlying: error)
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

    private func writeReturning<T: Sendable>(
        _ what: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(MigrationStoreError) -> T {
        do {
            return try await self.database.writer.write(body)
        } catch {
            throw MigrationStoreError(.writeFailed, what, underlying: error)
        }
    }
}
