import Foundation
import MigrationEngine
import Testing

/// `ferry metadata export --json` prints data: camelCase names, numbers as numbers, never an ACL secret.
@Suite struct ExportSummaryJSONTests {
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
}
