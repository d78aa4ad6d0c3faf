import Foundation
import MigrationEngine
import Testing

@Suite struct MetadataExportBuildingTests {
    @Test func buildSumsLikeMqadminAndKeepsPerBrokerCounts() {
        let export = MetadataExport.build(
            cluster: "SourceCluster", exportTime: 42, brokers: ExportFixtures.twoBrokerSnapshots())
        #expect(export.origin == .ferry)
        #expect(export.topics.keys.sorted() == ["mro%order_created", "plain"])
        #expect(export.topics["mro%order_created"]?.readQueueNums == 8)
        #expect(export.perBrokerQueues(of: "mro%order_created") == BrokerQueues(read: 4, write: 4, perm: 6))
        #expect(export.groups.keys.sorted() == ["GID_x"])
        #expect(export.groups["GID_x"]?.retryQueueNums == 2)
        let ferry = export.ferry!
        #expect(ferry.brokers.map(\.brokerName) == ["broker-a", "broker-b"])
        #expect(ferry.perBrokerTopics["broker-a"]?.keys.sorted() == ["mro%order_created", "plain"])
        #expect(ferry.perBrokerGroups == ["broker-a": ["GID_x"], "broker-b": ["GID_x"]])
        #expect(ferry.consumerOffsets.keys.sorted() == ["mro%order_created@GID_x"])
        #expect(ferry.consumerOffsets["mro%order_created@GID_x"]?["broker-a"] == ["0": 10, "1": 11])
    }

    @Test func writtenExportReadsBackEqual() throws {
        let account = AclAccount(accessKey: "ak", secretKey: "verysecretkey", admin: true, topicPerms: ["a=PUB"])
        let export = MetadataExport.build(
            cluster: "SourceCluster", exportTime: 42, brokers: ExportFixtures.twoBrokerSnapshots(),
            aclAccounts: [account], globalWhiteAddrs: ["10.*"])
        let data = export.encoded()
        #expect(data == export.encoded())
        #expect(try MetadataExport.read(data, source: "ferry.json") == export)
    }

    @Test func writtenExportHasTheShapeOfMqadminsFile() throws {
        let real = try JSONSerialization.jsonObject(with: ExportFixtures.data("export-metadata.json")) as! [String: Any]
        let ours = try JSONSerialization.jsonObject(
            with: MetadataExport.build(cluster: "C", exportTime: 1, brokers: ExportFixtures.twoBrokerSnapshots())
                .encoded()) as! [String: Any]
        #expect(Set(ours.keys) == Set(real.keys).union(["ferry"]))
        let realTopic = ((real["topicConfigTable"] as! [String: Any])["MigTopicA"] as! [String: Any]).keys
        let ourTopic = ((ours["topicConfigTable"] as! [String: Any])["plain"] as! [String: Any]).keys
        #expect(Set(ourTopic) == Set(realTopic))
        let realGroup = ((real["subscriptionGroupTable"] as! [String: Any])["MigGroupA"] as! [String: Any]).keys
        let ourGroup = ((ours["subscriptionGroupTable"] as! [String: Any])["GID_x"] as! [String: Any]).keys
        #expect(Set(ourGroup) == Set(realGroup))
    }

    /// Issue 14 item 13: the dry-run transcript showed a secret's last two characters.
    @Test func descriptionsShowNoCharacterOfTheSecret() {
        let account = AclAccount(accessKey: "ferryUser", secretKey: "ferryUserSecret456")
        #expect(account.description.contains("secretKey: ******,"))
        #expect(!account.description.contains("56"))
        #expect(!account.description.contains("ferryUserSecret456"))
    }
}
