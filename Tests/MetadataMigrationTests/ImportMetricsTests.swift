import Foundation
import MetadataMigration
import MetricsTestKit
import MigrationEngine
import MigrationStore
import Testing

/// `ferry_import_items_total{kind, outcome}` counts every finished plan item.
@Suite(.timeLimit(.minutes(2))) struct ImportMetricsTests {
    @Test func itemsAreCountedByKindAndOutcome() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a"])
        let (seedTopics, seedGroups) = DemoSeeder.resources(count: 3)
        let export = MetadataExport(
            origin: .ferry, exportTime: 1,
            topics: Dictionary(uniqueKeysWithValues: seedTopics.map { ($0.topicName, $0) }),
            groups: Dictionary(uniqueKeysWithValues: seedGroups.map { ($0.groupName, $0) }),
            ferry: FerrySection(sourceCluster: "Source", brokers: []))
        let snapshot = try await TargetReader(admin: target).read()
        let plan = await MetadataPlanner().plan(sources: [.init(label: "Source", export: export)], target: snapshot)
        let file = try PlanFile(data: plan.encoded(), source: "plan.json")
        let metrics = TestMetrics()
        let importer = MetadataImporter(
            admin: target, journal: ImportJournal(database: try .inMemory()), metricsFactory: metrics)
        func count(_ kind: String, _ outcome: String) throws -> Int64 {
            try metrics.expectCounter("ferry_import_items_total", [("kind", kind), ("outcome", outcome)]).totalValue
        }

        _ = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
        #expect(try count("topic", "created") == 3)
        #expect(try count("group", "created") == 3)
        #expect(try count("topic", "unchanged") == 0)

        _ = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
        #expect(try count("topic", "created") == 3)
        #expect(try count("topic", "unchanged") == 3)
        #expect(try count("group", "unchanged") == 3)
    }
}
