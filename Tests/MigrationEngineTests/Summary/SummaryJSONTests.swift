import Foundation
import MigrationEngine
import Testing

/// `ferry metadata export --json` and `ferry metadata plan --json` print data: camelCase names (RocketMQ's own for
/// its objects), numbers as numbers, booleans as booleans, and never an ACL secret.
@Suite struct SummaryJSONTests {
    private static let secret = "ferryUserSecret456"

    private static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theExportSummaryIsTypedData() throws {
        let account = AclAccount(accessKey: "ferryUser", secretKey: Self.secret)
        var export = MetadataExport.build(
            cluster: "SourceCluster", exportTime: 42, brokers: ExportFixtures.twoBrokerSnapshots(), aclAccounts: [account])
        export.ferry?.orderTopicConfs = ["plain": "broker-a:2"]
        let data = export.summaryJSON(file: "export.json")
        let object = try Self.object(data)
        #expect(object["file"] as? String == "export.json")
        #expect(object["sourceCluster"] as? String == "SourceCluster")
        #expect(object["exportTime"] as? Int == 42)
        let brokers = try #require(object["brokers"] as? [[String: String]])
        #expect(brokers == [
            ["brokerName": "broker-a", "addr": "127.0.0.1:10911"], ["brokerName": "broker-b", "addr": "127.0.0.1:10921"],
        ])
        #expect(
            (object["counts"] as? [String: Int])
                == ["topics": 2, "groups": 1, "consumerOffsets": 1, "aclAccounts": 1, "orderTopicConfs": 1])
        #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret))
        #expect(export.summaryLine(file: "export.json").hasPrefix("exported 2 topics, 1 groups, 1 offset sets, 1 ACL"))
    }

    @Test func anMqadminFileHasNoClusterAndZeroFerryCounts() throws {
        let export = PlanFixtures.export(topics: [MetadataTopic(topicName: "T", readQueueNums: 4, writeQueueNums: 4)])
        let object = try Self.object(export.summaryJSON(file: "mqadmin.json"))
        #expect(object["sourceCluster"] == nil)
        #expect((object["brokers"] as? [Any])?.isEmpty == true)
        #expect((object["counts"] as? [String: Int])?["topics"] == 1)
        #expect((object["counts"] as? [String: Int])?["aclAccounts"] == 0)
    }

    @Test func thePlanSummaryIsTypedData() async throws {
        var export = PlanFixtures.export(
            topics: [MetadataTopic(topicName: "small", readQueueNums: 1, writeQueueNums: 1, order: true)],
            groups: [MetadataGroup(groupName: "GID_a", retryMaxTimes: 5)])
        export.ferry = FerrySection(
            sourceCluster: "S", brokers: [], aclAccounts: [AclAccount(accessKey: "ferryUser", secretKey: Self.secret)])
        var target = PlanFixtures.emptyTarget()
        target.aclEnabled = true
        let plan = await MetadataPlanner().plan(sources: [.init(label: "S", export: export)], target: target)
        let data = plan.summaryJSON(file: "plan.json")
        #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret))
        let object = try Self.object(data)
        #expect(object["file"] as? String == "plan.json")
        let target0 = try #require(object["target"] as? [String: Any])
        #expect(target0["cluster"] as? String == "TargetCluster" && target0["aclEnabled"] as? Bool == true)
        #expect((object["queuePolicy"] as? [String: Int]) == ["minimum": 3, "maximum": 16])
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.first?["label"] as? String == "S" && sources.first?["topics"] as? Int == 1)
        let counts = try #require(object["counts"] as? [String: [String: Int]])
        #expect(counts["topic"] == [
            "create": 1, "update": 0, "unchanged": 0, "conflict": 0, "skip": 0, "failed": 0, "total": 1,
        ])
        #expect(counts["aclAccount"]?["create"] == 1 && counts["consumerOffsets"]?["total"] == 0)
        let items = try #require(object["items"] as? [[String: Any]])
        let topic = try #require(items.first { $0["key"] as? String == "topic:small" })
        #expect(topic["kind"] as? String == "topic" && topic["action"] as? String == "create")
        #expect(topic["brokers"] as? [String] == ["target-a"])
        #expect((topic["notes"] as? [String])?.contains("read queues 1 → 3 (policy: at least 3)") == true)
        let config = try #require(topic["topic"] as? [String: Any])
        #expect(config["readQueueNums"] as? Int == 3 && config["order"] as? Bool == true)
        let group = try #require(items.first { $0["kind"] as? String == "group" }?["group"] as? [String: Any])
        #expect(group["retryMaxTimes"] as? Int == 5 && group["consumeEnable"] as? Bool == true)
        let account = try #require(items.first { $0["kind"] as? String == "aclAccount" })
        #expect(account["name"] as? String == "ferryUser" && account["account"] == nil)
    }
}
