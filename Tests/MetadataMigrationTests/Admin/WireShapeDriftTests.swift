import Foundation
import MigrationEngine
import RocketMQRemoting
import Testing

@testable import MetadataMigration

/// Issue 12 item 7: the export file's types (MetadataTopic, MetadataGroup, AclAccount) and the wire bodies
/// (TopicConfig, SubscriptionGroupConfig, PlainAccessConfig) are kept as two types, so these tests hold their
/// shapes together: the same stored fields, and real broker bodies unchanged through the export file.
@Suite struct WireShapeDriftTests {
    private static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The captured cluster, so its cluster- and broker-named topics read as system topics.
    private static let ferry = FerrySection(
        sourceCluster: "SourceCluster", brokers: [BrokerReference(brokerName: "broker-a", addr: "127.0.0.1:10911")])

    private static func fields(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    /// A JSON text as a Foundation object, for comparing shapes whatever the key order.
    private static func object(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func fileAndWireTypesHoldTheSameFields() {
        #expect(Self.fields(MetadataTopic(topicName: "T", readQueueNums: 1, writeQueueNums: 1))
            == Self.fields(TopicConfig(topicName: "T")))
        #expect(Self.fields(MetadataGroup(groupName: "G")) == Self.fields(SubscriptionGroupConfig(groupName: "G")))
        #expect(Self.fields(AclAccount(accessKey: "ak", secretKey: "sk")) == Self.fields(PlainAccessConfig()))
    }

    /// Every topic of a real 4.9.8 GET_ALL_TOPIC_CONFIG body is, in the export file, the broker's JSON object, and
    /// comes back from the file as the same wire body.
    @Test func realTopicConfigsRoundTripThroughTheExportFile() throws {
        let body = try TopicConfigSerializeWrapper(
            parsing: try Self.fixture("broker-a-GET_ALL_TOPIC_CONFIG.body.json"))
        #expect(body.topicConfigTable.count == 11)
        var topics: [String: MetadataTopic] = [:]
        for (name, config) in body.topicConfigTable {
            let file = MetadataTopic(config)
            #expect(try Self.object(JSONEncoder().encode(file)) == Self.object(Data(config.text(dialect: .standard).utf8)))
            topics[name] = file
        }
        let export = MetadataExport(origin: .ferry, exportTime: 1, topics: topics, groups: [:], ferry: Self.ferry)
        let read = try MetadataExport.read(export.encoded(), source: "round-trip.json")
        #expect(Set(read.topics.keys) == ["MigTopicA", "MigTopicB"])
        for (name, topic) in read.topics {
            #expect(try TopicConfig(topic).json == body.topicConfigTable[name]?.json, "topic \(name)")
        }
    }

    @Test func realGroupConfigsRoundTripThroughTheExportFile() throws {
        let body = try SubscriptionGroupWrapper(
            parsing: try Self.fixture("broker-a-GET_ALL_SUBSCRIPTIONGROUP_CONFIG.body.json"))
        #expect(body.subscriptionGroupTable.count == 9)
        var groups: [String: MetadataGroup] = [:]
        for (name, config) in body.subscriptionGroupTable {
            let file = try MetadataGroup(config)
            #expect(try Self.object(JSONEncoder().encode(file)) == Self.object(Data(config.text(dialect: .standard).utf8)))
            groups[name] = file
        }
        let export = MetadataExport(origin: .ferry, exportTime: 1, topics: [:], groups: groups, ferry: Self.ferry)
        let read = try MetadataExport.read(export.encoded(), source: "round-trip.json")
        #expect(Set(read.groups.keys) == ["MigGroupA", "MigGroupB"])
        for (name, group) in read.groups {
            #expect(try SubscriptionGroupConfig(group).json == body.subscriptionGroupTable[name]?.json, "group \(name)")
        }
    }

    /// A HEAD broker's group with every 5.x field (retry policy, subscriptions, attributes) loses none of them
    /// through the export file (the retry policy used to be dropped on the way in and out).
    @Test func aGroupWithEveryLaterFieldRoundTrips() throws {
        let text = """
            {"attributes":{"+retry.mode":"x"},"brokerId":0,"consumeBroadcastEnable":false,"consumeEnable":true,\
            "consumeFromMinEnable":true,"consumeMessageOrderly":true,"consumeTimeoutMinute":20,"groupName":"GID_5x",\
            "groupRetryPolicy":{"customizedRetryPolicy":{"next":[1000,5000]},"exponentialRetryPolicy":\
            {"initial":1000,"max":60000,"multiplier":2},"type":"EXPONENTIAL"},"groupSysFlag":1,\
            "notifyConsumerIdsChangedEnable":true,"retryMaxTimes":3,"retryQueueNums":1,"subscriptionDataSet":\
            [{"expression":"TagA || TagB","expressionType":"TAG","topic":"T5"}],"whichBrokerWhenConsumeSlowly":1}
            """
        let config = try SubscriptionGroupConfig(parsing: text)
        let export = MetadataExport(
            origin: .mqadminCluster, exportTime: 1, topics: [:], groups: ["GID_5x": try MetadataGroup(config)])
        let read = try MetadataExport.read(export.encoded(), source: "round-trip.json")
        let group = try #require(read.groups["GID_5x"])
        #expect(group.groupRetryPolicy?.exponentialRetryPolicy?.max == 60000)
        #expect(group.subscriptionDataSet?.first?.expression == "TagA || TagB")
        #expect(try SubscriptionGroupConfig(group).json == config.json)
    }

    @Test func aRetryPolicyNotOfRocketMQsShapeIsAnErrorNamingTheField() throws {
        let config = try SubscriptionGroupConfig(parsing: #"{"groupName":"G","groupRetryPolicy":{"type":5}}"#)
        let error = #expect(throws: MetadataMigrationError.self) { try MetadataGroup(config) }
        #expect(error?.code == .unsupportedValue)
        #expect(error?.reason == "group G groupRetryPolicy is not RocketMQ's shape")
    }

    @Test func anUnknownFilterTypeIsAnErrorNotSingleTag() {
        let topic = MetadataTopic(topicName: "T", readQueueNums: 4, writeQueueNums: 4, topicFilterType: "ANY_TAG")
        let error = #expect(throws: MetadataMigrationError.self) { try TopicConfig(topic) }
        #expect(error?.code == .unsupportedValue)
        #expect(error?.reason.contains("topic T topicFilterType") == true)
    }
}
