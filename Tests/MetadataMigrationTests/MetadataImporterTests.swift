import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(2))) struct MetadataImporterTests {
    private func plan(into target: InMemoryCluster, topics: Int) async throws -> PlanFile {
        let (seedTopics, seedGroups) = DemoSeeder.resources(count: topics)
        let export = MetadataExport(
            origin: .ferry, exportTime: 1,
            topics: Dictionary(uniqueKeysWithValues: seedTopics.map { ($0.topicName, $0) }),
            groups: Dictionary(uniqueKeysWithValues: seedGroups.map { ($0.groupName, $0) }),
            ferry: FerrySection(sourceCluster: "Source", brokers: []))
        let snapshot = try await TargetReader(admin: target).read()
        let plan = await MetadataPlanner().plan(sources: [.init(label: "Source", export: export)], target: snapshot)
        return try PlanFile(data: plan.encoded(), source: "plan.json")
    }

    @Test func importIsIdempotent() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a", "t-b"])
        let file = try await self.plan(into: target, topics: 50)
        let importer = MetadataImporter(admin: target, journal: ImportJournal(database: try .inMemory()))
        let first = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
        #expect(first.status == .succeeded)
        #expect(first.counts == ["created": 100])
        #expect(target.writes == 200)
        let second = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
        #expect(second.counts == ["unchanged": 100])
        #expect(target.writes == 200)
    }

    @Test func cancelledImportResumesWithoutRepeatingWork() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a"])
        let file = try await self.plan(into: target, topics: 100)
        let journal = ImportJournal(database: try .inMemory())
        let importer = MetadataImporter(admin: target, journal: journal, options: ImportOptions(concurrency: 4))
        // The hook is in place, and can reach the task, before the import writes anything.
        let run = CancellableRun<ImportResult>()
        target.state.withLock { $0.afterWrite = { count in if count == 60 { run.cancel() } } }
        let task = run.start { try await importer.run(file.plan, planHash: file.hash, label: "plan.json") }
        await #expect(throws: CancellationError.self) { try await task.value }
        let interrupted = target.writes
        let counts = try await journal.counts(planHash: file.hash)
        #expect(interrupted >= 60 && interrupted < 200)
        #expect(counts[.done] == interrupted)
        #expect(counts[.pending] == 200 - interrupted)

        target.state.withLock { $0.afterWrite = nil }
        let resumed = try await importer.run(file.plan, planHash: file.hash, label: "plan.json")
        #expect(resumed.status == .succeeded)
        #expect(target.writes == 200)
        #expect(resumed.counts["created"] == 200 - interrupted)
        #expect(resumed.counts["unchanged"] == interrupted)
        #expect(try await journal.counts(planHash: file.hash) == [.done: 200])
    }

    @Test func aRefusingBrokerFailsThoseItemsOnly() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a"])
        let file = try await self.plan(into: target, topics: 12)
        target.state.withLock { $0.refusedTopicPrefix = "pay%" }
        let journal = ImportJournal(database: try .inMemory())
        let result = try await MetadataImporter(admin: target, journal: journal)
            .run(file.plan, planHash: file.hash, label: "plan.json")
        #expect(result.status == .someFailed)
        let failed = result.items.filter { $0.outcome.word == "failed" }
        #expect(failed.map(\.key) == ["topic:pay%refund_00001", "topic:pay%refund_00007"])
        #expect(failed.first?.outcome == .failed(
            "SYSTEM_ERROR: the topic[pay%refund_00001] is conflict with system reserved words"))
        let entries = try await journal.entries(planHash: file.hash)
        #expect(entries["topic:pay%refund_00001"]?.state == .failed)
        #expect(entries.values.filter { $0.state == .pending }.isEmpty)
    }

    @Test func anUnreachableTargetWritesNothingToTheJournal() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a"])
        let file = try await self.plan(into: target, topics: 3)
        target.state.withLock { $0.reachable = false }
        let journal = ImportJournal(database: try .inMemory())
        let error = await #expect(throws: MetadataMigrationError.self) {
            try await MetadataImporter(admin: target, journal: journal).run(file.plan, planHash: file.hash, label: "p")
        }
        #expect(error?.code == .clusterUnreachable)
        #expect(error?.description.contains("connection refused") == true)
        #expect(try await journal.entries(planHash: file.hash).isEmpty)
    }
}

@Suite struct DryRunTests {
    @Test func aDryRunRecordsSortedWritesAndChangesNothing() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a", "t-b"])
        let plan = MetadataPlan(
            sources: [], target: PlanTargetSummary(cluster: "Target", brokers: target.brokers, aclEnabled: false),
            queuePolicy: QueueCountPolicy(),
            items: [
                { var item = PlanItem(kind: .topic, name: "b_topic", action: .create, origins: [])
                  item.topic = MetadataTopic(topicName: "b_topic", readQueueNums: 4, writeQueueNums: 4)
                  return item }(),
                { var item = PlanItem(kind: .group, name: "GID_a", action: .create, origins: [])
                  item.group = MetadataGroup(groupName: "GID_a")
                  return item }(),
            ])
        let dryRun = DryRunMetadataAdmin(reading: target)
        let result = try await MetadataImporter(admin: dryRun, journal: ImportJournal(database: try .inMemory()))
            .run(plan, planHash: "h", label: "p")
        #expect(result.counts == ["created": 2])
        #expect(target.writes == 0)
        #expect(dryRun.transcript() == [
            "UPDATE_AND_CREATE_SUBSCRIPTIONGROUP t-a GID_a retryQueueNums 1 retryMaxTimes 16 consumeEnable true broadcast true brokerId 0",
            "UPDATE_AND_CREATE_SUBSCRIPTIONGROUP t-b GID_a retryQueueNums 1 retryMaxTimes 16 consumeEnable true broadcast true brokerId 0",
            "UPDATE_AND_CREATE_TOPIC t-a b_topic read 4 write 4 perm 6 order false",
            "UPDATE_AND_CREATE_TOPIC t-b b_topic read 4 write 4 perm 6 order false",
        ])
    }
}

/// Issue 14 item 8: import force-unwrapped each item's body.
@Suite struct ImportPlanShapeTests {
    @Test func anItemWithoutItsBodyFailsInsteadOfTrapping() async throws {
        let target = InMemoryCluster(name: "Target", brokerNames: ["t-a"])
        let items = [PlanItem.Kind.topic, .group, .aclAccount, .consumerOffsets].map {
            PlanItem(kind: $0, name: "bare", action: .create, origins: [])
        }
        let plan = MetadataPlan(
            sources: [], target: PlanTargetSummary(cluster: "Target", brokers: [], aclEnabled: true),
            queuePolicy: QueueCountPolicy(), items: items)
        let importer = MetadataImporter(
            admin: target, journal: ImportJournal(database: try .inMemory()), options: ImportOptions(includeOffsets: true))
        let result = try await importer.run(plan, planHash: "bare", label: "plan.json")
        #expect(result.items.count == 4)
        for item in result.items {
            guard case .failed(let reason) = item.outcome else {
                Issue.record("\(item.key) did not fail")
                continue
            }
            #expect(reason.contains("has no `"))
        }
    }
}
