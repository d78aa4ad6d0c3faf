import NIOCore
import Testing

@testable import RocketMQRemoting

/// The values the captured bodies show, read through the Swift types.
@Suite("Captured bodies: decoded values")
struct BodyValueTests {
    @Test("GET_ALL_TOPIC_CONFIG: MigTopicA 4/4 perm 6, MigTopicB ordered, dataVersion counter 5")
    func topicConfigs() throws {
        let wrapper = try TopicConfigSerializeWrapper(parsing: FixtureFrame.named("0021_GET_ALL_TOPIC_CONFIG__SUCCESS.json").bodyBuffer)
        #expect(wrapper.topicConfigTable.count == 11)
        #expect(wrapper.dataVersion == DataVersion(timestamp: 1_795_286_594_681, counter: 5))
        let topicA = try #require(wrapper.topicConfigTable["MigTopicA"])
        #expect(topicA == TopicConfig(topicName: "MigTopicA", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write]))
        #expect(wrapper.topicConfigTable["MigTopicB"]?.order == true)
        #expect(wrapper.topicConfigTable["SourceCluster"]?.perm.description == "RWX")
        #expect(wrapper.mappingDataVersion == nil && topicA.attributes == nil)
    }

    @Test("GET_ALL_SUBSCRIPTIONGROUP_CONFIG: MigGroupA retries 5, MigGroupB reads from broker 1")
    func subscriptionGroups() throws {
        let wrapper = try SubscriptionGroupWrapper(parsing: FixtureFrame.named("0201_GET_ALL_SUBSCRIPTIONGROUP_CONFIG__SUCCESS.json").bodyBuffer)
        #expect(wrapper.subscriptionGroupTable.count == 9)
        #expect(wrapper.subscriptionGroupTable["MigGroupA"] == SubscriptionGroupConfig(groupName: "MigGroupA", retryMaxTimes: 5))
        let groupB = try #require(wrapper.subscriptionGroupTable["MigGroupB"])
        #expect(groupB.brokerId == 1 && !groupB.consumeBroadcastEnable && !groupB.consumeFromMinEnable && groupB.retryMaxTimes == 3)
        #expect(wrapper.forbiddenTable == nil && groupB.consumeTimeoutMinute == nil)
    }

    @Test("GET_ROUTEINFO_BY_TOPIC: MigTopicA on broker-a, master 127.0.0.1:10911, 4 queues perm 6")
    func route() throws {
        let route = try TopicRouteData(parsing: FixtureFrame.named("0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS.json").bodyBuffer)
        #expect(route.queueDatas == [QueueData(brokerName: "broker-a", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write])])
        #expect(route.brokerDatas.map(\.masterAddress) == ["127.0.0.1:10911"])
        #expect(route.brokerDatas.first?.cluster == "SourceCluster")
        #expect(route.orderTopicConf == nil && route.filterServerTable.isEmpty)
    }

    @Test("routes while the broker is read-only, and the order topic's orderTopicConf")
    func routePermissions() throws {
        let wiped = try TopicRouteData(parsing: FixtureFrame.named("v4.9.8-more/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__brokerPermission4__SUCCESS.json").bodyBuffer)
        #expect(wiped.queueDatas.allSatisfy { $0.perm == .read && $0.perm.isReadable && !$0.perm.isWritable })
        let ordered = try TopicRouteData(parsing: FixtureFrame.named("v4.9.8-more/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicO__orderTopicConf__SUCCESS.json").bodyBuffer)
        #expect(ordered.orderTopicConf == "broker-a:4")
    }

    @Test("GET_BROKER_CLUSTER_INFO (fastjson, unquoted keys): broker-a at 127.0.0.1:10911 in SourceCluster")
    func clusterInfo() throws {
        let fixture = FixtureFrame.named("0106_GET_BROKER_CLUSTER_INFO__SUCCESS.json")
        #expect(fixture.bodyText?.contains("{0:\"127.0.0.1:10911\"}") == true)
        let info = try ClusterInfo(parsing: fixture.bodyBuffer)
        #expect(info.clusterAddrTable["SourceCluster"] == ["broker-a"])
        #expect(info.brokers(inCluster: "SourceCluster").map(\.brokerAddrs) == [[0: "127.0.0.1:10911"]])
        let old = try ClusterInfo(parsing: FixtureFrame.named("v4.4.0/0106_GET_BROKER_CLUSTER_INFO__SUCCESS.json").bodyBuffer)
        #expect(old.brokerAddrTable["broker-old"]?.masterAddress == "127.0.0.1:10811")
    }

    @Test("GET_TOPIC_STATS_INFO: MigTopicA's 4 queues hold 250 messages each")
    func topicStats() throws {
        let stats = try TopicStatsTable(parsing: FixtureFrame.named("0202_GET_TOPIC_STATS_INFO__SUCCESS.json").bodyBuffer)
        #expect(stats.offsetTable.keys.sorted() == (0..<4).map { MessageQueue(topic: "MigTopicA", brokerName: "broker-a", queueId: $0) })
        #expect(stats.offsetTable.values.allSatisfy { $0.minOffset == 0 && $0.maxOffset == 250 })
        #expect(stats.totalMessages == 1000 && stats.topicPutTps == nil)
        let queue3 = MessageQueue(topic: "MigTopicA", brokerName: "broker-a", queueId: 3)
        #expect(stats.offsetTable[queue3]?.lastUpdateTimestamp == 1_795_286_600_251)
    }

    @Test("GET_CONSUME_STATS: MigGroupC has a backlog of 100; MigGroupA none")
    func consumeStats() throws {
        let groupC = try ConsumeStats(parsing: FixtureFrame.named("v4.9.8-more/0208_GET_CONSUME_STATS__MigGroupC__SUCCESS.json").bodyBuffer)
        #expect(groupC.totalDiff == 100)
        #expect(groupC.consumeTps == 0.5833333333333333)
        #expect(groupC.offsetTable[MessageQueue(topic: "MigTopicC", brokerName: "broker-a", queueId: 1)] == OffsetWrapper(brokerOffset: 55, consumerOffset: 5, lastTimestamp: 1_795_287_589_174))
        let groupA = try ConsumeStats(parsing: FixtureFrame.named("0208_GET_CONSUME_STATS__SUCCESS.json").bodyBuffer)
        #expect(groupA.totalDiff == 0 && groupA.offsetTable.count == 5)
        let old = try ConsumeStats(parsing: FixtureFrame.named("v4.4.0/0208_GET_CONSUME_STATS__OldGroupA__SUCCESS.json").bodyBuffer)
        #expect(old.consumeTps == 0 && old.text().hasPrefix("{\"consumeTps\":0.0,"))
    }

    @Test("GET_CONSUMER_CONNECTION_LIST and GET_PRODUCER_CONNECTION_LIST")
    func connections() throws {
        let consumer = try ConsumerConnection(parsing: FixtureFrame.named("0203_GET_CONSUMER_CONNECTION_LIST__SUCCESS.json").bodyBuffer)
        #expect(consumer.connectionSet == [Connection(clientId: "192.0.2.2@25156#751524262266", clientAddr: "127.0.0.1:41672", version: 409)])
        #expect(consumer.consumeType == .consumePassively && consumer.messageModel == .clustering && consumer.consumeFromWhere == .lastOffset)
        #expect(consumer.subscriptionTable["MigTopicA"] == SubscriptionData(topic: "MigTopicA", subVersion: 1_795_286_612_370))
        let producer = try ProducerConnection(parsing: FixtureFrame.named("v4.9.8-more/0204_GET_PRODUCER_CONNECTION_LIST__MigProducerG__SUCCESS.json").bodyBuffer)
        #expect(producer.connectionSet.map(\.clientAddr) == ["127.0.0.1:50984"])
    }

    @Test("GET_ALL_CONSUMER_OFFSET: unquoted queue ids; MigTopicA@MigGroupA at 500 on each queue")
    func consumerOffsets() throws {
        let table = try ConsumerOffsetTable(parsing: FixtureFrame.named("v4.9.8-more/0043_GET_ALL_CONSUMER_OFFSET__SUCCESS.json").bodyBuffer)
        #expect(table.offsets(topic: "MigTopicA", group: "MigGroupA") == [0: 500, 1: 500, 2: 500, 3: 500])
        #expect(table.offsetTable.count == 8)
        #expect(ConsumerOffsetTable.split(key: "%RETRY%MigGroupC@MigGroupC")! == ("%RETRY%MigGroupC", "MigGroupC"))
    }

    @Test("HEART_BEAT, GET_CONSUMER_LIST_BY_GROUP, topic lists and KV tables")
    func clientBodies() throws {
        let heartbeat = try HeartbeatData(parsing: FixtureFrame.named("0034_HEART_BEAT__SUCCESS.json", "request").bodyBuffer)
        #expect(heartbeat.clientID == "192.0.2.2@25035#733850679063")
        #expect(heartbeat.producerDataSet == [ProducerData(groupName: "CLIENT_INNER_PRODUCER")])
        let consumer = try #require(heartbeat.consumerDataSet.first)
        #expect(consumer.groupName == "MigGroupA" && consumer.subscriptionDataSet.map(\.topic) == ["%RETRY%MigGroupA", "MigTopicA"])
        let ids = try GetConsumerListByGroupResponseBody(parsing: FixtureFrame.named("0038_GET_CONSUMER_LIST_BY_GROUP__SUCCESS.json").bodyBuffer)
        #expect(ids.consumerIdList == [heartbeat.clientID])
        let topics = try TopicList(parsing: FixtureFrame.named("0206_GET_ALL_TOPIC_LIST_FROM_NAMESERVER__SUCCESS.json").bodyBuffer)
        #expect(topics.topicList.count == 9 && topics.topicList.contains("MigTopicA") && topics.brokerAddr == nil)
        let runtime = try KVTable(parsing: FixtureFrame.named("0028_GET_BROKER_RUNTIME_INFO__SUCCESS.json").bodyBuffer)
        #expect(runtime.table["brokerVersionDesc"] == "V4_9_8")
    }

    @Test("REGISTER_BROKER: JSON body (compressed=false) and the answer's order-topic KV table")
    func registerBroker() throws {
        let request = FixtureFrame.named("0103_REGISTER_BROKER__SUCCESS.json", "request")
        #expect(request.extFields?["compressed"] == "false")
        let body = try RegisterBrokerBody(parsing: request.bodyBuffer)
        #expect(body.topicConfigSerializeWrapper.topicConfigTable.keys == ["MigTopicA"])
        #expect(body.topicConfigSerializeWrapper.dataVersion.counter == 1 && body.filterServerList.isEmpty)
        let response = FixtureFrame.named("0103_REGISTER_BROKER__SUCCESS_3.json")
        let result = try RegisterBrokerResult(
            extFields: RemotingExtFields(response.extFields ?? [:]),
            body: RemotingJSON(parsing: response.body)
        )
        #expect(result.haServerAddr == nil && result.masterAddr == nil)
        #expect(result.kvTable?.table == ["MigTopicB": "broker-a:2"])
        #expect(result.extFields.isEmpty)
    }

    @Test("GET_BROKER_CLUSTER_ACL_INFO: the answer lives in the header's ext fields")
    func aclVersionInfo() throws {
        let response = FixtureFrame.named("v4.9.8-more/0052_GET_BROKER_CLUSTER_ACL_INFO__ACL__SUCCESS.json")
        #expect(response.body.isEmpty)
        let info = try ClusterAclVersionInfo(extFields: RemotingExtFields(response.extFields ?? [:]))
        #expect(info.brokerName == "broker-a" && info.brokerAddr == "127.0.0.1:10911" && info.clusterName == "SourceCluster")
        let version = DataVersion(timestamp: 1_795_287_696_984, counter: 0)
        #expect(info.aclConfigDataVersion == version)
        #expect(info.allAclConfigDataVersion == ["/opt/rocketmq/conf/plain_acl.yml": version])
        #expect(info.extFields.dictionary == response.extFields)
    }
}
