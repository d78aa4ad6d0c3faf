import MigrationEngine
import Testing

@Suite struct SourceMergingTests {
    private let sources: [MetadataPlanner.Source] = [
        .init(label: "east", export: PlanFixtures.export(
            topics: [MetadataTopic(topicName: "orders", readQueueNums: 4, writeQueueNums: 4),
                     MetadataTopic(topicName: "shared", readQueueNums: 8, writeQueueNums: 8)],
            groups: [MetadataGroup(groupName: "GID_a", retryMaxTimes: 16)])),
        .init(label: "west", export: PlanFixtures.export(
            topics: [MetadataTopic(topicName: "orders", readQueueNums: 8, writeQueueNums: 8),
                     MetadataTopic(topicName: "shared", readQueueNums: 8, writeQueueNums: 8)],
            groups: [MetadataGroup(groupName: "GID_a", retryMaxTimes: 3)])),
    ]

    @Test func clashingSourcesAreConflictsThatImportNothing() async {
        let plan = await MetadataPlanner().plan(sources: self.sources, target: PlanFixtures.emptyTarget())
        let orders = PlanFixtures.item(plan, "topic:orders")
        #expect(orders?.action == .conflict)
        #expect(orders?.action.writes == false)
        #expect(orders?.origins.map(\.source) == ["east", "west"])
        #expect(orders?.reason?.contains("east (orders): read 4 write 4") == true)
        #expect(orders?.reason?.contains("west (orders): read 8 write 8") == true)
        #expect(PlanFixtures.item(plan, "group:GID_a")?.action == .conflict)
        let shared = PlanFixtures.item(plan, "topic:shared")
        #expect(shared?.action == .create)
        #expect(shared?.origins.count == 2)
    }

    @Test func aPreferredSourceWinsEveryConflict() async {
        let plan = await MetadataPlanner(options: PlanOptions(preferredSource: "west"))
            .plan(sources: self.sources, target: PlanFixtures.emptyTarget())
        let orders = PlanFixtures.item(plan, "topic:orders")
        #expect(orders?.action == .create)
        #expect(orders?.topic?.readQueueNums == 8)
        #expect(orders?.notes.contains { $0.contains("kept west's as preferred") } == true)
        #expect(PlanFixtures.item(plan, "group:GID_a")?.group?.retryMaxTimes == 3)
    }

    @Test func aPerNameWinnerResolvesOnlyThatName() async {
        let plan = await MetadataPlanner(options: PlanOptions(preferredSourceByName: ["orders": "east"]))
            .plan(sources: self.sources, target: PlanFixtures.emptyTarget())
        #expect(PlanFixtures.item(plan, "topic:orders")?.topic?.readQueueNums == 4)
        #expect(PlanFixtures.item(plan, "group:GID_a")?.action == .conflict)
    }
}
