import Foundation
import MigrationEngine
import Testing

/// `ferry metadata plan --json` prints data: camelCase names (RocketMQ's own for its objects), numbers as
/// numbers, booleans as booleans, never an ACL secret.
@Suite struct PlanSummaryJSONTests {
    private static let secret = "ferryUserSecret456"

    private static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
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
