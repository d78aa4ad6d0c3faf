import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQRemoting
import RocketMQSandbox
import Testing

@Suite(.serialized, .timeLimit(.minutes(5))) struct SandboxMigrationTests {
    @Test func twoThousandTopicsAndGroupsMigrateIdempotentlyAndResume() async throws {
        try await SandboxPair.with { pair in
            #expect(try await DemoSeeder(admin: pair.sourceAdmin).seed(topics: 2_000, concurrency: 16) == 4_000)
            let file = try await pair.exportAndPlan()
            let planned = file.plan.items.filter { $0.action == .create }
            #expect(planned.count == 4_000)

            // Cancel after 1,000 items have finished, then resume.
            let journal = ImportJournal(database: try .inMemory())
            let importer = pair.importer(journal)
            // The callback cancels the import's own task through a handle published before the import
            // starts, whichever task the importer calls it on.
            let run = CancellableRun<ImportResult>()
            let task = run.start {
                try await importer.run(file.plan, planHash: file.hash, label: "plan.json") { progress in
                    if progress.completed == 1_000 { run.cancel() }
                }
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            let doneBefore = try await journal.counts(planHash: file.hash)[.done] ?? 0
            #expect(doneBefore >= 1_000 && doneBefore < 4_000)

            let resumed = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(resumed.status == .succeeded)
            // Items journaled before the cancel are skipped as unchanged. Up to `concurrency` (8) more were in
            // flight: written to the target but cancelled before their journal row, so the resumed run reads them
            // back unchanged instead of creating them again.
            let created = resumed.counts["created"] ?? 0
            let unchanged = resumed.counts["unchanged"] ?? 0
            #expect(created + unchanged == 4_000, "\(resumed.counts)")
            #expect(unchanged >= doneBefore && unchanged <= doneBefore + 8, "\(resumed.counts), \(doneBefore) journaled")
            #expect(try await journal.counts(planHash: file.hash) == [.done: 4_000])

            // The target holds exactly the planned set, on both masters.
            let target = try await TargetReader(admin: pair.targetAdmin).read()
            for broker in ["target-a", "target-b"] {
                let userTopics = Set(target.topics[broker]!.keys).filter {
                    !SystemResources.isSystemTopic($0, clusterNames: ["TargetCluster"], brokerNames: [broker])
                }
                let userGroups = Set(target.groups[broker]!.keys).filter { !SystemResources.isSystemGroup($0) }
                #expect(userTopics.symmetricDifference(planned.filter { $0.kind == .topic }.map(\.name)).isEmpty)
                #expect(userGroups.symmetricDifference(planned.filter { $0.kind == .group }.map(\.name)).isEmpty)
                #expect(userTopics.count == 2_000 && userGroups.count == 2_000)
                for item in planned where item.kind == .topic {
                    #expect(target.topics[broker]?[item.name]?.matches(item.topic!) == true)
                }
            }

            let again = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(again.counts == ["unchanged": 4_000])
        }
    }
}
