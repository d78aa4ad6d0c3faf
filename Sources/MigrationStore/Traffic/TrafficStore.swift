public import Foundation
import GRDB
public import MigrationEngine

/// Traffic-migration state in the state file: tasks, each topic's committed stage, offset snapshots, the audit
/// log, and a change token.
///
/// MigrationStore imports `MigrationEngine` (pure, no I/O) and hands out its types, so callers — the CLI, the
/// routing proxy, later the agent — never convert rows. Every change is one transaction: a stage is committed
/// with its audit rows and a bump of the change token, or not at all. A process killed at any point leaves the
/// last committed stages, which a reopened store serves.
public struct TrafficStore: Sendable {
    let database: MigrationDatabase

    /// A store over `database`.
    public init(database: MigrationDatabase) {
        self.database = database
    }

    /// Every task with its topics, tasks by name, topics in the task's order.
    public func tasks() throws(MigrationStoreError) -> [MigrationTask] {
        try self.read("cannot read the migration tasks") { db in
            let topics = try TrafficTopicRecord.order(Column("taskName"), Column("position")).fetchAll(db)
            var byTask: [String: [MigrationTopic]] = [:]
            for record in topics { byTask[record.taskName, default: []].append(try Self.topic(record)) }
            return try TrafficTaskRecord.order(Column("name")).fetchAll(db).map { record in
                try Self.task(record, topics: byTask[record.name] ?? [])
            }
        }
    }

    /// The task named `name`, or `nil`.
    public func task(named name: String) throws(MigrationStoreError) -> MigrationTask? {
        try self.read("cannot read task \(name)") { db in
            guard let record = try TrafficTaskRecord.fetchOne(db, key: name) else { return nil }
            let topics = try TrafficTopicRecord.filter(Column("taskName") == name).order(Column("position"))
                .fetchAll(db).map(Self.topic)
            return try Self.task(record, topics: topics)
        }
    }

    /// A number that grows with every committed task or stage change: a running proxy polls it (a one-row
    /// read) and reloads ``tasks()`` only when it moved.
    public func changeToken() throws(MigrationStoreError) -> Int64 {
        try self.read("cannot read the change token") { db in
            try Int64.fetchOne(db, sql: "SELECT token FROM trafficChange WHERE id = 1") ?? 0
        }
    }

    /// When each topic of the task last changed stage (its creation for a topic never moved).
    public func stageChangedAt(task name: String) throws(MigrationStoreError) -> [String: Date] {
        try self.read("cannot read the stage times of task \(name)") { db in
            var times: [String: Date] = [:]
            for record in try TrafficTopicRecord.filter(Column("taskName") == name).fetchAll(db) {
                times[record.name] = record.stageChangedAt
            }
            return times
        }
    }

    /// The offset snapshots of the task: topic → side → snapshot.
    public func offsetSnapshots(
        task name: String
    ) throws(MigrationStoreError) -> [String: [ClusterSide: TopicOffsetSnapshot]] {
        try self.read("cannot read the offset snapshots of task \(name)") { db in
            var snapshots: [String: [ClusterSide: TopicOffsetSnapshot]] = [:]
            for record in try TrafficOffsetRecord.filter(Column("taskName") == name).fetchAll(db) {
                guard let side = ClusterSide(rawValue: record.side) else { continue }
                snapshots[record.topic, default: [:]][side] = TopicOffsetSnapshot(
                    maxOffsetTotal: record.maxOffsetTotal, unavailableReason: record.unavailableReason,
                    takenAt: record.takenAt)
            }
            return snapshots
        }
    }

    /// The task's audit log in commit order, optionally only the rows about `topics` (task-level rows always).
    public func history(
        task name: String, topics: Set<String>? = nil
    ) throws(MigrationStoreError) -> [TrafficAuditEntry] {
        try self.read("cannot read the history of task \(name)") { db in
            try TrafficAuditRecord.filter(Column("taskName") == name).order(Column("id")).fetchAll(db)
                .compactMap { record -> TrafficAuditEntry? in
                    if let topics, let topic = record.topic, !topics.contains(topic) { return nil }
                    return try Self.entry(record)
                }
        }
    }

    func read<T>(_ what: String, _ body: (Database) throws -> T) throws(MigrationStoreError) -> T {
        do {
            return try self.database.writer.read(body)
        } catch {
            throw MigrationStoreError(.readFailed, what, underlying: error)
        }
    }

    private static func task(_ record: TrafficTaskRecord, topics: [MigrationTopic]) throws -> MigrationTask {
        MigrationTask(
            name: record.name, sourceNameServers: try JSONColumn.decode(record.sourceNameServers),
            targetNameServers: try JSONColumn.decode(record.targetNameServers), topics: topics,
            quietPeriodSeconds: record.quietPeriodSeconds)
    }

    private static func topic(_ record: TrafficTopicRecord) throws -> MigrationTopic {
        guard let stage = MigrationStage(rawValue: record.stage) else {
            throw MigrationStoreError(.readFailed, "topic \(record.name) has an unknown stage \(record.stage)")
        }
        return MigrationTopic(
            name: record.name, groups: try JSONColumn.decode(record.groups), ordered: record.ordered, stage: stage)
    }

    private static func entry(_ record: TrafficAuditRecord) throws -> TrafficAuditEntry {
        guard let id = record.id, let action = TrafficAuditEntry.Action(rawValue: record.action),
            let outcome = TrafficAuditEntry.Outcome(rawValue: record.outcome)
        else { throw MigrationStoreError(.readFailed, "audit row of task \(record.taskName) is damaged") }
        return TrafficAuditEntry(
            id: id, taskName: record.taskName, topic: record.topic, action: action, outcome: outcome,
            fromStage: record.fromStage.flatMap(MigrationStage.init(rawValue:)),
            toStage: record.toStage.flatMap(MigrationStage.init(rawValue:)), actor: record.actor,
            reason: record.reason, overrides: try JSONColumn.decode(record.overrides), at: record.at)
    }
}
