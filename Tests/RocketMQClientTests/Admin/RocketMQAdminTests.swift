import Logging
import NIOCore
@testable import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

/// Admin calls against a fake server that replays the responses a real 4.9.8 NameServer and broker sent.
@Suite(.timeLimit(.minutes(2))) struct RocketMQAdminTests {
    static let captures = [
        "0106_GET_BROKER_CLUSTER_INFO__SUCCESS", "0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS",
        "0206_GET_ALL_TOPIC_LIST_FROM_NAMESERVER__SUCCESS", "0021_GET_ALL_TOPIC_CONFIG__SUCCESS",
        "0201_GET_ALL_SUBSCRIPTIONGROUP_CONFIG__SUCCESS", "0305_GET_SYSTEM_TOPIC_LIST_FROM_BROKER__SUCCESS",
        "0017_UPDATE_AND_CREATE_TOPIC__SUCCESS", "0200_UPDATE_AND_CREATE_SUBSCRIPTIONGROUP__SUCCESS",
        "0202_GET_TOPIC_STATS_INFO__SUCCESS", "0208_GET_CONSUME_STATS__SUCCESS",
        "0203_GET_CONSUMER_CONNECTION_LIST__SUCCESS", "0204_GET_PRODUCER_CONNECTION_LIST__MigProducerG__SUCCESS",
        "0043_GET_ALL_CONSUMER_OFFSET__SUCCESS", "0026_GET_BROKER_CONFIG__SUCCESS",
        "0025_UPDATE_BROKER_CONFIG__SUCCESS", "0205_WIPE_WRITE_PERM_OF_BROKER__SUCCESS",
        "0327_ADD_WRITE_PERM_OF_BROKER__SUCCESS", "0052_GET_BROKER_CLUSTER_ACL_INFO__ACL__SUCCESS",
    ]

    func withAdmin(
        _ captures: [String] = Self.captures,
        _ body: (RocketMQAdmin, FakeRemotingServer) async throws -> Void
    ) async throws {
        let server = try await FakeRemotingServer.replaying(try captures.map(Fixtures.exchange))
        let client = RemotingClient(logger: Logger.test("test.admin"))
        // The first NameServer is closed: every NameServer call must fail over to the second.
        let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:1", server.address])
        do {
            try await body(admin, server)
        } catch {
            await client.shutdown()
            await server.shutdown()
            throw error
        }
        await client.shutdown()
        await server.shutdown()
    }

    @Test func nameServerCallsDecodeTheCapturedBodies() async throws {
        try await self.withAdmin { admin, _ in
            let cluster = try await admin.clusterInfo()
            #expect(cluster.clusterAddrTable["SourceCluster"] == ["broker-a"])
            #expect(try await admin.masterAddresses(cluster: "SourceCluster") == ["broker-a": "127.0.0.1:10911"])
            let route = try await admin.topicRoute("MigTopicA")
            #expect(route.queueDatas.map(\.writeQueueNums) == [4])
            #expect(route.masterAddress(of: "broker-a") == "127.0.0.1:10911")
            #expect(try await admin.topicList().topicList.contains("MigTopicB"))
        }
    }

    @Test func legacyRouteDialectAndTopicNotExist() async throws {
        try await self.withAdmin(["0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version0_legacy_json"]) { admin, _ in
            let route = try await admin.topicRoute("MigTopicA")
            #expect(route.brokerDatas.first?.masterAddress == "127.0.0.1:10911")
            #expect(route.publishQueues(topic: "MigTopicA").count == 4)
        }
        try await self.withAdmin(["0105_GET_ROUTEINFO_BY_TOPIC__NoSuchTopic__TOPIC_NOT_EXIST"]) { admin, _ in
            let error = await #expect(throws: RocketMQClientError.self) { try await admin.topicRoute("NoSuchTopic") }
            #expect(error?.code == .responseError)
            #expect(error?.responseCode == 17)
            #expect(error?.remark?.contains("No topic route info in name server for the topic: NoSuchTopic") == true)
        }
    }

    @Test func brokerReadsDecodeTheCapturedBodies() async throws {
        try await self.withAdmin { admin, server in
            let broker = server.address
            let topics = try await admin.allTopicConfigs(broker: broker)
            #expect(topics.topicConfigTable["MigTopicA"]?.writeQueueNums == 4)
            #expect(try await admin.allSubscriptionGroups(broker: broker).subscriptionGroupTable["MigGroupA"] != nil)
            #expect(try await admin.systemTopics(broker: broker).topicList.contains("TBW102"))
            let stats = try await admin.topicStats("MigTopicA", broker: broker)
            #expect(stats.offsetTable.count == 4)
            #expect(stats.offsetTable.values.allSatisfy { $0.maxOffset == 250 })
            let consume = try await admin.consumeStats(group: "MigGroupA", broker: broker)
            #expect(consume.totalDiff == 0)
            #expect(consume.offsetTable[MessageQueue(topic: "MigTopicA", brokerName: "broker-a", queueId: 3)]?.consumerOffset == 250)
            let consumers = try await admin.consumerConnection(group: "MigGroupA", broker: broker)
            #expect(consumers.connectionSet.first?.clientAddr == "127.0.0.1:41672")
            #expect(try await admin.producerConnection(group: "MigProducerG", broker: broker).connectionSet.count >= 1)
            let offsets = try await admin.allConsumerOffsets(broker: broker)
            #expect(offsets.offsets(topic: "MigTopicA", group: "MigGroupA")?[0] == 500)
            #expect(try await admin.brokerConfig(broker: broker)["autoCreateTopicEnable"] == "false")
            let acl = try await admin.clusterAclInfo(broker: broker)
            #expect(acl.brokerName == "broker-a")
            #expect(acl.clusterName == "SourceCluster")
        }
    }

    @Test func updatesSendWhatMqadminSends() async throws {
        try await self.withAdmin { admin, server in
            let broker = server.address
            let captured = try Fixtures.exchange("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request
            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: "MigTopicA", readQueueNums: 4, writeQueueNums: 4, perm: [.read, .write]),
                broker: broker
            )
            let group = try Fixtures.exchange("0200_UPDATE_AND_CREATE_SUBSCRIPTIONGROUP__SUCCESS").request
            try await admin.createOrUpdateGroup(try SubscriptionGroupConfig(parsing: group.body!), broker: broker)
            try await admin.updateBrokerConfig(BrokerProperties([.init(key: "brokerPermission", value: "4")]), broker: broker)
            // Write-perm changes go to every NameServer, so use only the live one here.
            let live = RocketMQAdmin(client: admin.client, nameServers: [server.address])
            #expect(try await live.wipeWritePerm(brokerName: "broker-a") == [server.address: 17])
            #expect(try await live.addWritePerm(brokerName: "broker-a") == [server.address: 17])
            let received = server.receivedRequests
            #expect(received.first { $0.code == 17 }?.extFields == captured.extFields)
            #expect(received.first { $0.code == 200 }?.body == group.body)
            #expect(received.first { $0.code == 25 }.flatMap { $0.body.map { String(buffer: $0) } } == "brokerPermission=4\n")
        }
    }
}
