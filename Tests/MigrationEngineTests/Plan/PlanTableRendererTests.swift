import MigrationEngine
import Testing

@Suite struct PlanTableRendererTests {
    @Test func tableCountsActionsAndNeverShowsSecrets() async {
        var export = PlanFixtures.export(
            topics: [MetadataTopic(topicName: "small", readQueueNums: 1, writeQueueNums: 1)])
        export.ferry = FerrySection(
            sourceCluster: "S", brokers: [],
            aclAccounts: [AclAccount(accessKey: "ferryUser", secretKey: "ferryUserSecret456")])
        var target = PlanFixtures.emptyTarget()
        target.aclEnabled = true
        let plan = await MetadataPlanner().plan(sources: [.init(label: "S", export: export)], target: target)
        let table = PlanTableRenderer().render(plan)
        #expect(table.contains("kind             create  update  unchanged  conflict  skip  failed  total"))
        #expect(table.contains("topic                 1       0          0         0     0       0      1"))
        #expect(table.contains("aclAccount            1"))
        #expect(table.contains("topic small: read queues 1 → 3 (policy: at least 3)"))
        #expect(!table.contains("ferryUserSecret456"))
        #expect(!String(decoding: plan.encoded(), as: UTF8.self).isEmpty)
    }
}
