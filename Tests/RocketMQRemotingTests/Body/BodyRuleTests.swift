import NIOCore
import Testing

@testable import RocketMQRemoting

@Suite("Route dialects, field spellings, leniency and errors")
struct BodyRuleTests {
    @Test(
        "the NameServer's dialect rule (FACTS §1.5)",
        arguments: [
            (Int32(0), false, RemotingJSONDialect.fastjson), (400, false, .fastjson), (401, false, .standard),
            (409, false, .standard), (0, true, .standard), (293, true, .standard),
        ]
    )
    func dialectRule(version: Int32, accept: Bool, expected: RemotingJSONDialect) {
        #expect(TopicRouteData.dialect(forRequestVersion: version, acceptStandardJsonOnly: accept) == expected)
    }

    /// Byte-exact: one route, written both ways, equals what the 4.9.8 NameServer sent to the three raw requests.
    @Test("raw-client: legacy, version 401 and acceptStandardJsonOnly bodies, byte for byte")
    func rawClientDialects() throws {
        let legacy = FixtureFrame.named("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version0_legacy_json.json")
        let v401 = FixtureFrame.named("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version401_standard_json.json")
        let accept = FixtureFrame.named("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__acceptStandardJsonOnly_true.json")
        let route = try TopicRouteData(parsing: legacy.bodyBuffer)
        #expect(try TopicRouteData(parsing: v401.bodyBuffer) == route)
        #expect(String(buffer: route.byteBuffer(forRequestVersion: 0, acceptStandardJsonOnly: false)) == legacy.bodyText)
        #expect(String(buffer: route.byteBuffer(forRequestVersion: 401, acceptStandardJsonOnly: false)) == v401.bodyText)
        #expect(String(buffer: route.byteBuffer(forRequestVersion: 0, acceptStandardJsonOnly: true)) == accept.bodyText)
        #expect(legacy.bodyText != v401.bodyText)
    }

    @Test("4.4.0's topicSynFlag decodes, is written back as it came, and can be respelled")
    func topicSynFlag() throws {
        let fixture = FixtureFrame.named("v4.4.0/0105_GET_ROUTEINFO_BY_TOPIC__OldTopicA__SUCCESS.json")
        var route = try TopicRouteData(parsing: fixture.bodyBuffer)
        #expect(route.queueDatas.first?.sysFlagSpelling == .topicSynFlag)
        #expect(route.text() == fixture.bodyText)
        let modern = route
        route.queueDatas[0].sysFlagSpelling = .topicSysFlag
        #expect(route.text().contains("\"topicSysFlag\":0") && !route.text().contains("topicSynFlag"))
        #expect(route == modern)
        let flagged = try QueueData(parsing: #"{"brokerName":"b","perm":6,"readQueueNums":1,"topicSynFlag":3,"writeQueueNums":1}"#)
        #expect(flagged.topicSysFlag == 3)
    }

    @Test("MessageQueue map keys: standard JSON (quoted object text) decodes like fastjson's object keys")
    func messageQueueKeysInBothDialects() throws {
        let fixture = FixtureFrame.named("0202_GET_TOPIC_STATS_INFO__SUCCESS.json")
        let stats = try TopicStatsTable(parsing: fixture.bodyBuffer)
        let standard = stats.text(dialect: .standard)
        #expect(standard.hasPrefix(#"{"offsetTable":{"{\"brokerName\":\"broker-a\""#))
        #expect(try TopicStatsTable(parsing: standard) == stats)
    }

    @Test("unknown fields are ignored and absent ones take Java's defaults")
    func lenientDecoding() throws {
        let topic = try TopicConfig(parsing: #"{"topicName":"t","brandNew":{"x":[1,2]},"perm":null}"#)
        #expect(topic == TopicConfig(topicName: "t"))
        #expect(topic.readQueueNums == 16 && topic.perm.rawValue == 6 && topic.topicFilterType == .singleTag)
        let group = try SubscriptionGroupConfig(parsing: #"{"groupName":"g","future":true}"#)
        #expect(group == SubscriptionGroupConfig(groupName: "g"))
        #expect(group.retryMaxTimes == 16 && group.whichBrokerWhenConsumeSlowly == 1)
        let stats = try ConsumeStats(parsing: "{}")
        #expect(stats.totalDiff == 0 && stats.consumeTps == 0)
    }

    @Test("5.x fields decode and re-encode (structure and text)")
    func fiveXFields() throws {
        let text = #"{"attributes":{"+message.type":"NORMAL"},"order":false,"perm":6,"readQueueNums":8,"topicFilterType":"SINGLE_TAG","topicName":"ns1%orders","topicSysFlag":0,"writeQueueNums":8}"#
        let topic = try TopicConfig(parsing: text)
        #expect(topic.attributes == ["+message.type": "NORMAL"])
        #expect(topic.text() == text)
        let groupText = #"{"attributes":{},"brokerId":0,"consumeBroadcastEnable":true,"consumeEnable":true,"consumeFromMinEnable":true,"consumeMessageOrderly":false,"consumeTimeoutMinute":15,"groupName":"g","groupRetryPolicy":{"type":"CUSTOMIZED"},"groupSysFlag":0,"notifyConsumerIdsChangedEnable":true,"retryMaxTimes":16,"retryQueueNums":1,"whichBrokerWhenConsumeSlowly":1}"#
        let group = try SubscriptionGroupConfig(parsing: groupText)
        #expect(group.consumeTimeoutMinute == 15 && group.groupRetryPolicy?["type"] == "CUSTOMIZED")
        #expect(group.text() == groupText)
        let broker = try BrokerData(parsing: #"{"brokerAddrs":{"0":"a:1","1":"b:1"},"brokerName":"b","cluster":"c","enableActingMaster":false,"zoneName":"z"}"#)
        #expect(broker.brokerAddrs == [0: "a:1", 1: "b:1"] && broker.zoneName == "z" && broker.enableActingMaster == false)
        #expect(broker.text() == #"{"brokerAddrs":{0:"a:1",1:"b:1"},"brokerName":"b","cluster":"c","enableActingMaster":false,"zoneName":"z"}"#)
        let version = try DataVersion(parsing: #"{"counter":2,"stateVersion":7,"timestamp":9}"#)
        #expect(version == DataVersion(timestamp: 9, counter: 2, stateVersion: 7))
        #expect(DataVersion(timestamp: 9, counter: 1) < version)
    }

    @Test("ACL 1.0 configs round-trip; absent lists stay absent")
    func aclConfig() throws {
        let text = #"{"globalWhiteAddrs":["10.10.103.*"],"plainAccessConfigs":[{"accessKey":"ferryUser","admin":false,"defaultGroupPerm":"SUB","defaultTopicPerm":"DENY","secretKey":"s","topicPerms":["MigTopicA=PUB|SUB"]}]}"#
        let config = try AclConfig(parsing: text)
        #expect(config.plainAccessConfigs?.first?.topicPerms == ["MigTopicA=PUB|SUB"])
        #expect(config.plainAccessConfigs?.first?.groupPerms == nil)
        #expect(config.text() == text)
    }

    @Test(
        "broken or mistyped JSON fails with a clear error",
        arguments: [
            (#"{"topicName":"t","readQueueNums":"#, RemotingError.Code.malformedJSON, "malformed"),
            (#"{"topicName":"t","readQueueNums":"four"}"#, .jsonTypeMismatch, "TopicConfig.readQueueNums: expected integer"),
            (#"{"readQueueNums":4}"#, .missingField, "TopicConfig: missing field \"topicName\""),
            (#"{"topicName":"t","topicFilterType":"NO_TAG"}"#, .invalidFieldValue, "unknown topic filter type"),
            (#"["t"]"#, .jsonTypeMismatch, "TopicConfig: expected object, found array"),
        ]
    )
    func errors(text: String, code: RemotingError.Code, reasonPart: String) {
        #expect {
            _ = try TopicConfig(parsing: text)
        } throws: { error in
            guard let error = error as? RemotingError else { return false }
            return error.code == code && (code == .malformedJSON || error.reason.contains(reasonPart))
        }
    }

    @Test("errors inside maps name the entry")
    func nestedErrorPath() {
        #expect {
            _ = try TopicConfigSerializeWrapper(parsing: #"{"topicConfigTable":{"MigTopicA":{"topicName":"MigTopicA","perm":"rw"}}}"#)
        } throws: { error in
            (error as? RemotingError)?.reason == "TopicConfigSerializeWrapper.topicConfigTable: [MigTopicA]: TopicConfig.perm: expected integer, found string \"rw\""
        }
    }
}
