public import Foundation
import GRDB
public import MigrationEngine

extension TrafficStore {
    /// Creates `task` with its topics at their stages, an audit row, and the offset snapshots taken now
    /// (topic → side → snapshot). Fails with ``MigrationStoreError/Code/taskExists`` when the name is taken
    /// and ``MigrationStoreError/Code/topicInOtherTask`` when a topic already belongs to another task.
    public func create(
        _ task: MigrationTask, audit: TrafficAuditContext,
        offsets: [String: [ClusterSide: TopicOffsetSnapshot]] = [:], now: Date = Date()
    ) async throws(MigrationStoreError) {
        try await self.write("cannot create task \(task.name)") { db in
            if try TrafficTaskRecord.exists(db, key: task.name) {
                throw MigrationStoreError(.taskExists, "task \(task.name) already exists")
            }
            let taken = Set(try String.fetchAll(db, sql: "SELECT name FROM trafficTopic"))
            if let clash = task.topics.first(where: { taken.contains($0.name) }) {
                throw MigrationStoreError(.topicInOtherTask, "topic \(clash.name) already belongs to another task")
            }
            try TrafficTaskRecord(
                name: task.name, sourceNameServers: try JSONColumn.encode(task.sourceNameServers),
                targetNameServers: try JSONColumn.encode(task.targetNameServers),
                quietPeriodSeconds: task.quietPeriodSeconds, createdAt: now
            ).insert(db)
            for (position, topic) in task.topics.enumerated() {
                try TrafficTopicRecord(
                    taskName: task.name, name: topic.name, position: position,
                    groups: try JSONColumn.encode(topic.groups), ordered: topic.ordered,
                    stage: topic.stage.rawValue, stageChangedAt: now
                ).insert(db)
            }
            try Self.saveSnapshots(offsets, task: task.name, db: db)
            var row = TrafficAuditRecord(
                id: nil, taskName: task.name, topic: nil, action: TrafficAuditEntry.Action.create.rawValue,
                outcome: TrafficAuditEntry.Outcome.committed.rawValue, fromStage: nil, toStage: nil,
                actor: audit.actor, reason: audit.reason, overrides: try JSONColumn.encode(audit.overrides), at: now)
            try row.insert(db)
            try Self.bumpChangeToken(db)
        }
    }

    /// Commits a batch step in one transaction and returns each topic's final outcome.
    ///
    /// Each `.moved` outcome is re-checked against the committed stage inside the transaction: if another
    /// writer moved the topic since the step was planned, it becomes `.refused` and nothing of it is written.
    /// Every outcome gets an audit row; moved topics get their new stage and their offset snapshots; the change
    /// token grows once when anything moved. `beforeCommit` runs inside the transaction after every row is
    /// written (the crash-safety seam: throwing from it rolls the whole step back, as a kill before COMMIT would).
    public func commit(
        task name: String, direction: StageDirection, outcomes: [StageStepOutcome], audit: TrafficAuditContext,
        offsets: [String: [ClusterSide: TopicOffsetSnapshot]] = [:], now: Date = Date(),
        beforeCommit: @escaping @Sendable () throws -> Void = {}
    ) async throws(MigrationStoreError) -> [StageStepOutcome] {
        try await self.write("cannot commit the \(direction.rawValue) of task \(name)") { db in
            guard try TrafficTaskRecord.exists(db, key: name) else {
                throw MigrationStoreError(.unknownTask, "no task named \(name)")
            }
            var stages: [String: Int] = [:]
            for record in try TrafficTopicRecord.filter(Column("taskName") == name).fetchAll(db) {
                stages[record.name] = record.stage
            }
            let overrides = try JSONColumn.encode(audit.overrides)
            var final: [StageStepOutcome] = []
            var moved = 0
            for outcome in outcomes {
                var result = outcome
                if case .moved(let move) = outcome {
                    if stages[move.topic] != move.from.rawValue {
                        let now = stages[move.topic].flatMap(MigrationStage.init(rawValue:))
                        result = .refused(
                            topic: move.topic, stage: now,
                            reason: "its stage changed to \(now.map(String.init(describing:)) ?? "nothing") "
                                + "since the step was planned")
                    } else {
                        try db.cachedStatement(
                            sql: "UPDATE trafficTopic SET stage = ?, stageChangedAt = ? WHERE taskName = ? AND name = ?"
                        ).execute(arguments: [move.to.rawValue, now, name, move.topic])
                        stages[move.topic] = move.to.rawValue
                        moved += 1
                    }
                }
                var row = Self.auditRow(
                    result, task: name, direction: direction, audit: audit, overrides: overrides, now: now)
                try row.insert(db)
                final.append(result)
            }
            let movedTopics = Set(final.compactMap { if case .moved(let m) = $0 { m.topic } else { nil } })
            try Self.saveSnapshots(offsets.filter { movedTopics.contains($0.key) }, task: name, db: db)
            if moved > 0 { try Self.bumpChangeToken(db) }
            try beforeCommit()
            return final
        }
    }

    private static func auditRow(
        _ outcome: StageStepOutcome, task: String, direction: StageDirection, audit: TrafficAuditContext,
        overrides: String, now: Date
    ) -> TrafficAuditRecord {
        let action = direction == .advance ? TrafficAuditEntry.Action.advance : .rollback
        switch outcome {
        case .moved(let move):
            return TrafficAuditRecord(
                id: nil, taskName: task, topic: move.topic, action: action.rawValue,
                outcome: TrafficAuditEntry.Outcome.committed.rawValue, fromStage: move.from.rawValue,
                toStage: move.to.rawValue, actor: audit.actor, reason: audit.reason, overrides: overrides, at: now)
        case .refused(let topic, let stage, let reason):
            return TrafficAuditRecord(
                id: nil, taskName: task, topic: topic, action: action.rawValue,
                outcome: TrafficAuditEntry.Outcome.refused.rawValue, fromStage: stage?.rawValue, toStage: nil,
                actor: audit.actor, reason: reason, overrides: overrides, at: now)
        }
    }

    private static func saveSnapshots(
        _ offsets: [String: [ClusterSide: TopicOffsetSnapshot]], task: String, db: Database
    ) throws {
        for (topic, sides) in offsets {
            for (side, snapshot) in sides {
                try TrafficOffsetRecord(
                    taskName: task, topic: topic, side: side.rawValue, maxOffsetTotal: snapshot.maxOffsetTotal,
                    unavailableReason: snapshot.unavailableReason, takenAt: snapshot.takenAt
                ).save(db)
            }
        }
    }

    private static func bumpChangeToken(_ db: Database) throws {
        try db.execute(sql: "UPDATE trafficChange SET token = token + 1 WHERE id = 1")
    }

    /// Runs `body` in one write transaction on GRDB's queue; the caller suspends rather than blocking a thread.
    func write<T: Sendable>(
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
