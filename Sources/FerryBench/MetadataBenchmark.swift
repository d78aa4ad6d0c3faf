import Foundation
import Logging
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQSandbox

/// Plans and imports 10,000 topics and 10,000 groups into a two-master sandbox target over loopback,
/// with the journal in a temporary SQLite file, then imports again (everything unchanged).
enum MetadataBenchmark {
    static let count = 10_000

    static func run() async throws {
        let logger = Logger(label: "ferry.bench") { _ in SwiftLogNoOpLogHandler() }
        let (topics, groups) = DemoSeeder.resources(count: count)
        let export = MetadataExport(
            origin: .mqadminCluster, exportTime: 0,
            topics: Dictionary(uniqueKeysWithValues: topics.map { ($0.topicName, $0) }),
            groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.groupName, $0) }))
        let cluster = try await SandboxCluster.start(
            name: "BenchTarget", brokerNames: ["bench-a", "bench-b"], logger: logger)
        let admin = RocketMQMetadataAdmin.connect(nameServer: cluster.nameServerAddress, logger: logger)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let clock = ContinuousClock()
            var plan: MetadataPlan?
            let planTime = try await clock.measure {
                let target = try await TargetReader(admin: admin).read()
                plan = await MetadataPlanner().plan(sources: [.init(label: "bench", export: export)], target: target)
            }
            let file = try PlanFile(data: plan!.encoded(), source: "plan.json")
            let items = file.plan.items.filter { $0.action.writes }.count
            report("plan (read target, map, clamp, diff)", planTime, items: file.plan.items.count)

            let journal = ImportJournal(database: try MigrationDatabase(path: directory.appendingPathComponent("s.sqlite").path))
            let importer = MetadataImporter(admin: admin, journal: journal)
            var result: ImportResult?
            let importTime = try await clock.measure {
                result = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
            }
            report("import (\(result!.counts["created"] ?? 0) created on 2 masters, 8 in flight)", importTime, items: items)
            let againTime = try await clock.measure {
                result = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
            }
            report("import again (\(result!.counts["unchanged"] ?? 0) unchanged)", againTime, items: items)
        } catch {
            await admin.shutdown()
            await cluster.shutdown()
            throw error
        }
        await admin.shutdown()
        await cluster.shutdown()
    }

    private static func report(_ label: String, _ duration: Duration, items: Int) {
        let seconds = duration.inSeconds
        print(String(format: "%@: %.2f s, %.0f items/s (%d items)", label, seconds, Double(items) / seconds, items))
    }
}
