import NIOCore
import Testing

@testable import RocketMQRemoting

@Suite("System resources, permissions, queues and broker properties")
struct SystemResourceTests {
    @Test(
        "captured system topics are system (clusters SourceCluster, brokers broker-a)",
        arguments: [
            "SourceCluster", "broker-a", "SourceCluster_REPLY_TOPIC", "OFFSET_MOVED_EVENT", "SCHEDULE_TOPIC_XXXX",
            "BenchmarkTest", "TBW102", "SELF_TEST_TOPIC", "%RETRY%MigGroupA", "%DLQ%MigGroupA", "%LMQ%x",
            "RMQ_SYS_TRANS_HALF_TOPIC", "rmq_sys_wheel_timer",
        ]
    )
    func systemTopics(_ topic: String) {
        #expect(SystemResources.isSystemTopic(topic, clusterNames: ["SourceCluster"], brokerNames: ["broker-a"]))
    }

    @Test("user topics are not; cluster and broker topics need their names; retry and DLQ keep their kind")
    func userTopics() {
        #expect(!SystemResources.isSystemTopic("MigTopicA", clusterNames: ["SourceCluster"], brokerNames: ["broker-a"]))
        #expect(!SystemResources.isSystemTopic("broker-a"))
        #expect(SystemResources.topicKind("%RETRY%MigGroupA") == .retry)
        #expect(SystemResources.topicKind("%DLQ%MigGroupA") == .deadLetter)
        #expect(SystemResources.topicKind("my-trace", traceTopic: "my-trace") == .system)
    }

    /// Every topic the 4.9.8 broker itself lists as system (GET_SYSTEM_TOPIC_LIST_FROM_BROKER) is system here;
    /// every other topic in its config is user, retry or system by the fixed rules.
    @Test("the broker's own system-topic list agrees")
    func brokerSystemTopicList() throws {
        let system = try TopicList(parsing: FixtureFrame.named("0305_GET_SYSTEM_TOPIC_LIST_FROM_BROKER__SUCCESS.json").bodyBuffer)
        for topic in system.topicList {
            #expect(SystemResources.topicKind(topic, clusterNames: ["SourceCluster"], brokerNames: ["broker-a"]) == .system)
        }
        let configs = try TopicConfigSerializeWrapper(parsing: FixtureFrame.named("0021_GET_ALL_TOPIC_CONFIG__SUCCESS.json").bodyBuffer)
        let user = configs.topicConfigTable.keys.filter {
            !SystemResources.isSystemTopic($0, clusterNames: ["SourceCluster"], brokerNames: ["broker-a"])
        }
        #expect(Set(user) == ["MigTopicA", "MigTopicB"])
    }

    @Test("system groups: every predefined group the broker shows, and CID_RMQ_SYS_*; Mig groups are not")
    func systemGroups() throws {
        let groups = try SubscriptionGroupWrapper(parsing: FixtureFrame.named("0201_GET_ALL_SUBSCRIPTIONGROUP_CONFIG__SUCCESS.json").bodyBuffer)
        let user = groups.subscriptionGroupTable.keys.filter { !SystemResources.isSystemGroup($0) }
        #expect(Set(user) == ["MigGroupA", "MigGroupB"])
        #expect(SystemResources.isSystemGroup("CID_RMQ_SYS_TRANS") && SystemResources.isSystemGroup("CID_RMQ_SYS_REPLICATOR_x"))
        #expect(SystemResources.isSystemGroup("CLIENT_INNER_PRODUCER") && !SystemResources.isSystemGroup("CID_app"))
    }

    @Test("PermName bits and perm2String", arguments: [(0, "---", true), (1, "--X", true), (4, "R--", true), (6, "RW-", true), (7, "RWX", true), (8, "---", false)])
    func permName(raw: Int32, text: String, valid: Bool) {
        let perm = PermName(rawValue: raw)
        #expect(perm.description == text)
        #expect(perm.isValid == valid)
        #expect(perm.isReadable == (raw & 4 != 0) && perm.isWritable == (raw & 2 != 0))
    }

    @Test("MessageQueue orders like Java's compareTo: topic, broker, queue id")
    func messageQueueOrder() {
        let queues = [
            MessageQueue(topic: "b", brokerName: "a", queueId: 0), MessageQueue(topic: "a", brokerName: "b", queueId: 0),
            MessageQueue(topic: "a", brokerName: "a", queueId: 10), MessageQueue(topic: "a", brokerName: "a", queueId: 2),
        ]
        #expect(queues.sorted().map(\.description) == [
            "MessageQueue [topic=a, brokerName=a, queueId=2]", "MessageQueue [topic=a, brokerName=a, queueId=10]",
            "MessageQueue [topic=a, brokerName=b, queueId=0]", "MessageQueue [topic=b, brokerName=a, queueId=0]",
        ])
    }

    @Test("OrderedMap keeps order, compares without it, and edits in place")
    func orderedMap() {
        var map: OrderedMap<String, Int> = ["b": 1, "a": 2]
        #expect(map.keys == ["b", "a"] && map == ["a": 2, "b": 1])
        #expect(Set([map, ["a": 2, "b": 1]]).count == 1)
        map["b"] = 3
        map["c"] = 4
        map["a"] = nil
        #expect(map.keys == ["b", "c"] && map["c"] == 4 && map.values == [3, 4])
        #expect(map.sortedByKey().keys == ["b", "c"] && OrderedMap(["z": 1, "y": 2]).keys == ["y", "z"])
    }

    /// Byte-exact: GET_BROKER_CONFIG's properties text and UPDATE_BROKER_CONFIG's bodies re-print unchanged.
    @Test("broker properties: captured bodies parse and print back byte for byte")
    func brokerPropertiesCaptured() throws {
        let config = FixtureFrame.named("0026_GET_BROKER_CONFIG__SUCCESS.json")
        let properties = try BrokerProperties(text: try #require(config.bodyText))
        #expect(properties["brokerName"] == "broker-a" && properties["brokerPermission"] == "6")
        #expect(properties["messageDelayLevel"] == "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h")
        #expect(properties.text == config.bodyText)
        for file in ["0025_UPDATE_BROKER_CONFIG__SUCCESS", "0025_UPDATE_BROKER_CONFIG__SUCCESS_2"] {
            let request = FixtureFrame.named("v4.9.8-more/\(file).json", "request")
            #expect(try BrokerProperties(text: try #require(request.bodyText)).text == request.bodyText)
        }
        var update = BrokerProperties()
        update["brokerPermission"] = "4"
        #expect(update.text == "brokerPermission=4\n")
    }

    @Test("broker properties read like java.util.Properties.load")
    func brokerPropertiesJavaSyntax() throws {
        let text = "# comment\n! also\n  key1 = value one\nkey2:v2\nkey3 v3\nmulti=a\\\n    b\nesc\\=aped=\\t\\u0041\\\\\nempty\nkey1=again\r\n"
        let properties = try BrokerProperties(text: text)
        #expect(properties.entries.map(\.key) == ["key1", "key2", "key3", "multi", "esc=aped", "empty"])
        #expect(properties.dictionary == ["key1": "again", "key2": "v2", "key3": "v3", "multi": "ab", "esc=aped": "\tA\\", "empty": ""])
        #expect(throws: BrokerProperties.ParseError(line: 1, message: "malformed \\uxxxx encoding")) {
            try BrokerProperties(text: "k=\\u12")
        }
    }
}
