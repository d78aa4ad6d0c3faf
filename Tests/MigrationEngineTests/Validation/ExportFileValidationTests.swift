import Foundation
import MigrationEngine
import Testing

/// Issue 14 items 7 and 8: values from an export file are checked where they enter, with the key path.
@Suite struct ExportFileValidationTests {
    /// A Ferry export with one topic, one group and two brokers, with edits to its `ferry` section and
    /// top-level object.
    static func export(
        ferry editFerry: (inout [String: Any]) -> Void = { _ in }, root editRoot: (inout [String: Any]) -> Void = { _ in }
    ) throws -> Data {
        var ferry: [String: Any] = [
            "formatVersion": 1, "sourceCluster": "Src",
            "brokers": [["brokerName": "a", "addr": "127.0.0.1:1"], ["brokerName": "b", "addr": "127.0.0.1:2"]],
            "perBrokerTopics": ["a": ["T": ["read": 4, "write": 4, "perm": 6]]],
            "perBrokerGroups": ["a": ["G"]],
            "consumerOffsets": ["T@G": ["a": ["0": 5]]],
            "aclAccounts": [], "globalWhiteAddrs": [],
        ]
        var root: [String: Any] = [
            "exportTime": 1,
            "topicConfigTable": [
                "T": [
                    "topicName": "T", "readQueueNums": 4, "writeQueueNums": 4, "perm": 6,
                    "topicFilterType": "SINGLE_TAG", "topicSysFlag": 0, "order": false,
                ]
            ],
            "subscriptionGroupTable": [
                "G": [
                    "groupName": "G", "consumeEnable": true, "consumeFromMinEnable": true,
                    "consumeBroadcastEnable": true, "retryQueueNums": 1, "retryMaxTimes": 16, "brokerId": 0,
                    "whichBrokerWhenConsumeSlowly": 1, "notifyConsumerIdsChangedEnable": true,
                ]
            ],
        ]
        editFerry(&ferry)
        root["ferry"] = ferry
        editRoot(&root)
        return try JSONSerialization.data(withJSONObject: root)
    }

    static func failure(_ data: Data) -> MetadataFormatError? {
        do {
            _ = try MetadataExport.read(data, source: "export.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func theUneditedFileReads() throws {
        let export = try MetadataExport.read(try Self.export(), source: "export.json")
        #expect(export.topics["T"]?.readQueueNums == 4)
    }

    @Test func aBrokerListedTwiceIsAnErrorNotATrap() throws {
        let data = try Self.export(ferry: { ferry in
            ferry["brokers"] = [["brokerName": "a", "addr": "127.0.0.1:1"], ["brokerName": "a", "addr": "127.0.0.1:3"]]
        })
        let error = try #require(Self.failure(data))
        #expect(error.code == .invalidValue)
        #expect(error.keyPath == "ferry.brokers[1].brokerName")
    }

    @Test func retryQueueNumsNearInt64MaxIsAnError() throws {
        let data = try Self.export(root: { root in
            var groups = root["subscriptionGroupTable"] as? [String: [String: Any]] ?? [:]
            groups["G"]?["retryQueueNums"] = Int64.max - 1
            root["subscriptionGroupTable"] = groups
        })
        let error = try #require(Self.failure(data))
        #expect(error.keyPath == "subscriptionGroupTable.G.retryQueueNums")
        #expect(error.description.contains("outside 0...2147483647"))
    }

    @Test(arguments: [Int64(Int32.max) + 1, -1])
    func queueCountsOutsideAJavaIntAreErrors(value: Int64) throws {
        let data = try Self.export(root: { root in
            var topics = root["topicConfigTable"] as? [String: [String: Any]] ?? [:]
            topics["T"]?["writeQueueNums"] = value
            root["topicConfigTable"] = topics
        })
        #expect(Self.failure(data)?.keyPath == "topicConfigTable.T.writeQueueNums")
    }

    /// Issue 12 item 7: an unknown filter type was imported as SINGLE_TAG without a word.
    @Test func aTopicFilterTypeIsOneRocketMQKnows() throws {
        let data = try Self.export(root: { root in
            var topics = root["topicConfigTable"] as? [String: [String: Any]] ?? [:]
            topics["T"]?["topicFilterType"] = "ANY_TAG"
            root["topicConfigTable"] = topics
        })
        #expect(Self.failure(data)?.keyPath == "topicConfigTable.T.topicFilterType")
    }

    @Test func perBrokerCountsAndQueueIdsAreChecked() throws {
        let counts = try Self.export(ferry: { ferry in
            ferry["perBrokerTopics"] = ["a": ["T": ["read": 1 << 40, "write": 4, "perm": 6]]]
        })
        #expect(Self.failure(counts)?.keyPath == "ferry.perBrokerTopics.a.T.read")
        let queues = try Self.export(ferry: { ferry in ferry["consumerOffsets"] = ["T@G": ["a": ["zero": 5]]] })
        #expect(Self.failure(queues)?.keyPath == "ferry.consumerOffsets.T@G.a.zero")
    }

    @Test func anOrderConfigIsBrokerColonQueues() throws {
        let good = try Self.export(ferry: { ferry in ferry["orderTopicConfs"] = ["T": "a:4;b:4"] })
        #expect(try MetadataExport.read(good, source: "export.json").ferry?.orderTopicConfs == ["T": "a:4;b:4"])
        let bad = try Self.export(ferry: { ferry in ferry["orderTopicConfs"] = ["T": "a:-1"] })
        #expect(Self.failure(bad)?.keyPath == "ferry.orderTopicConfs.T")
    }

    @Test func aHugeClusterTotalSpreadsWithoutOverflow() async throws {
        var group = MetadataGroup(groupName: "G")
        group.retryQueueNums = Int.max
        let export = MetadataExport(origin: .mqadminCluster, exportTime: 1, topics: [:], groups: ["G": group])
        let target = TargetMetadata(
            cluster: "T", brokers: [BrokerReference(brokerName: "a", addr: "1"), BrokerReference(brokerName: "b", addr: "2")])
        let plan = await MetadataPlanner().plan(sources: [.init(label: "s", export: export)], target: target)
        #expect(plan.items.first?.group?.retryQueueNums == Int.max / 2 + 1)
    }
}
