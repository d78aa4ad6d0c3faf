import GRDB

extension DatabaseMigrator {
    /// `v2.traffic`: traffic-migration tasks, each topic's stage, the offsets snapshotted at each stage change,
    /// the audit log, and the one-row change counter a running proxy polls.
    mutating func registerTrafficMigrations() {
        self.registerMigration("v2.traffic") { db in
            try db.create(table: "trafficTask") { table in
                table.primaryKey("name", .text)
                table.column("sourceNameServers", .text).notNull()
                table.column("targetNameServers", .text).notNull()
                table.column("quietPeriodSeconds", .integer).notNull()
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "trafficTopic") { table in
                table.column("taskName", .text).notNull().references("trafficTask", onDelete: .cascade)
                table.column("name", .text).notNull()
                table.column("position", .integer).notNull()
                table.column("groups", .text).notNull()
                table.column("ordered", .boolean).notNull()
                table.column("stage", .integer).notNull()
                table.column("stageChangedAt", .datetime).notNull()
                table.primaryKey(["taskName", "name"])
            }
            try db.create(table: "trafficOffsetSnapshot") { table in
                table.column("taskName", .text).notNull().references("trafficTask", onDelete: .cascade)
                table.column("topic", .text).notNull()
                table.column("side", .text).notNull()
                table.column("maxOffsetTotal", .integer)
                table.column("unavailableReason", .text)
                table.column("takenAt", .datetime).notNull()
                table.primaryKey(["taskName", "topic", "side"])
            }
            try db.create(table: "trafficAudit") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("taskName", .text).notNull().indexed()
                table.column("topic", .text)
                table.column("action", .text).notNull()
                table.column("outcome", .text).notNull()
                table.column("fromStage", .integer)
                table.column("toStage", .integer)
                table.column("actor", .text).notNull()
                table.column("reason", .text)
                table.column("overrides", .text).notNull()
                table.column("at", .datetime).notNull()
            }
            try db.create(table: "trafficChange") { table in
                table.primaryKey("id", .integer)
                table.column("token", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO trafficChange (id, token) VALUES (1, 0)")
        }
    }
}
