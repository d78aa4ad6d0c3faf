import Foundation
import MigrationEngine
import Testing

@Suite struct MetadataPlannerTests {
    @Test func defaultMappingKeepsNamesAndClampsQueueCounts() async throws {
        let export = try MetadataExport.read(ExportFixtures.data("export-metadata.json"), source: "export-metadata.json")
        let plan = await MetadataPlanner().plan(
            sources: [.init(label: "src", export: export)], target: PlanFixtures.emptyTarget())
        #expect(plan.items.map(\.key) == ["topic:MigTopicA", "topic:MigTopicB", "group:MigGroupA", "group:MigGroupB"])
        #expect(plan.items.allSatisfy { $0.action == .create })
        let b = try #require(PlanFixtures.item(plan, "topic:MigTopicB"))
        #expect(b.topic?.readQueueNums == 3)
        #expect(b.topic?.order == true)
        #expect(b.notes.contains("read queues 2 → 3 (policy: at least 3)"))
        #expect(b.brokers == ["target-a"])
        #expect(PlanFixtures.item(plan, "topic:MigTopicA")?.notes.isEmpty == true)
    }

    @Test func clusterTotalsAreSpreadOverTargetMasters() async {
        let export = PlanFixtures.export(topics: [MetadataTopic(topicName: "t", readQueueNums: 16, writeQueueNums: 16)])
        let target = PlanFixtures.emptyTarget(brokers: [
            BrokerReference(brokerName: "x", addr: "1:1"), BrokerReference(brokerName: "y", addr: "1:2"),
        ])
        let plan = await MetadataPlanner().plan(sources: [.init(label: "s", export: export)], target: target)
        let item = PlanFixtures.item(plan, "topic:t")
        #expect(item?.topic?.readQueueNums == 8)
        #expect(item?.brokers == ["x", "y"])
        #expect(item?.notes.contains { $0.contains("cluster total 16 over 2 target masters → 8 per broker") } == true)
    }

    @Test func ferryExportsKeepPerBrokerCounts() async {
        let export = MetadataExport.build(cluster: "C", exportTime: 1, brokers: ExportFixtures.twoBrokerSnapshots())
        let target = PlanFixtures.emptyTarget(brokers: [
            BrokerReference(brokerName: "x", addr: "1:1"), BrokerReference(brokerName: "y", addr: "1:2"),
        ])
        let plan = await MetadataPlanner().plan(sources: [.init(label: "C", export: export)], target: target)
        #expect(PlanFixtures.item(plan, "topic:mro%order_created")?.topic?.readQueueNums == 4)
        let offsets = PlanFixtures.item(plan, "consumerOffsets:mro%order_created@GID_x")
        #expect(offsets?.action == .create)
        #expect(offsets?.offsets?.offsets == ["x": ["0": 10, "1": 11], "y": ["0": 20]])
    }

    @Test func offsetsAreSkippedWhenMasterCountsDiffer() async {
        let export = MetadataExport.build(cluster: "C", exportTime: 1, brokers: ExportFixtures.twoBrokerSnapshots())
        let plan = await MetadataPlanner().plan(sources: [.init(label: "C", export: export)], target: PlanFixtures.emptyTarget())
        let offsets = PlanFixtures.item(plan, "consumerOffsets:mro%order_created@GID_x")
        #expect(offsets?.action == .skip)
        #expect(offsets?.reason?.contains("do not map 1:1") == true)
    }

    @Test func diffAgainstTheTarget() async {
        let wanted = MetadataTopic(topicName: "same", readQueueNums: 4, writeQueueNums: 4)
        let export = PlanFixtures.export(
            topics: [wanted, MetadataTopic(topicName: "other", readQueueNums: 4, writeQueueNums: 4),
                     MetadataTopic(topicName: "partial", readQueueNums: 4, writeQueueNums: 4)],
            groups: [MetadataGroup(groupName: "g")])
        let x = BrokerReference(brokerName: "x", addr: "1:1")
        let y = BrokerReference(brokerName: "y", addr: "1:2")
        var half = wanted
        half.topicName = "partial"
        var differing = wanted
        differing.topicName = "other"
        differing.readQueueNums = 2
        let target = TargetMetadata(
            cluster: "T", brokers: [x, y],
            topics: ["x": ["same": wanted, "partial": half, "other": differing], "y": ["same": wanted]],
            groups: ["x": ["g": MetadataGroup(groupName: "g")], "y": ["g": MetadataGroup(groupName: "g")]])
        let perBroker = export.topics.mapValues { _ in BrokerQueues(read: 4, write: 4, perm: 6) }
        var ferryExport = export
        ferryExport.ferry = FerrySection(sourceCluster: "S", brokers: [], perBrokerTopics: ["b": perBroker])
        let plan = await MetadataPlanner().plan(sources: [.init(label: "S", export: ferryExport)], target: target)
        #expect(PlanFixtures.item(plan, "topic:same")?.action == .unchanged)
        #expect(PlanFixtures.item(plan, "topic:partial")?.action == .update)
        #expect(PlanFixtures.item(plan, "topic:partial")?.notes.contains("missing on y") == true)
        #expect(PlanFixtures.item(plan, "topic:other")?.action == .conflict)
        #expect(PlanFixtures.item(plan, "topic:other")?.reason?.contains("--overwrite") == true)
        #expect(PlanFixtures.item(plan, "group:g")?.action == .unchanged)

        let overwriting = await MetadataPlanner(options: PlanOptions(overwrite: true))
            .plan(sources: [.init(label: "S", export: ferryExport)], target: target)
        #expect(PlanFixtures.item(overwriting, "topic:other")?.action == .update)
    }

    @Test func aMappingErrorFailsOnlyThatItem() async {
        let export = PlanFixtures.export(topics: [
            MetadataTopic(topicName: "good", readQueueNums: 4, writeQueueNums: 4),
            MetadataTopic(topicName: "bad", readQueueNums: 4, writeQueueNums: 4),
        ])
        let plan = await MetadataPlanner(mapper: FailingMapper(failing: "bad"))
            .plan(sources: [.init(label: "s", export: export)], target: PlanFixtures.emptyTarget())
        #expect(PlanFixtures.item(plan, "topic:good")?.action == .create)
        #expect(PlanFixtures.item(plan, "topic:bad")?.action == .failed)
        #expect(PlanFixtures.item(plan, "topic:bad")?.reason == "mapping failed: refused by test")
    }

    @Test func planJSONIsStableAndReadsBack() async throws {
        let export = try MetadataExport.read(ExportFixtures.data("export-metadata.json"), source: "e")
        let planner = MetadataPlanner()
        let first = await planner.plan(sources: [.init(label: "e", export: export)], target: PlanFixtures.emptyTarget())
        let second = await planner.plan(sources: [.init(label: "e", export: export)], target: PlanFixtures.emptyTarget())
        #expect(first.encoded() == second.encoded())
        #expect(try MetadataPlan.read(first.encoded(), source: "plan.json") == first)
        let cut = try #require(throws: MetadataFormatError.self) {
            try MetadataPlan.read(first.encoded().prefix(100), source: "plan.json")
        }
        #expect(cut.code == .truncated)
    }
}
