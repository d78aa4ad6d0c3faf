import Foundation
import NIOCore
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// Client and message responses compared with the captures, and the message paths they imply.
@Suite(.timeLimit(.minutes(2))) struct MessageFrameTests {
    @Test func sendPullOffsetsAndConnectionsMatchTheCaptures() async throws {
        try await SandboxTest.withCluster { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                func check(_ fixture: Fixture, _ request: RemotingCommand? = nil, remark: Bool = true) async throws -> RemotingCommand {
                    let response = try await broker.send(request ?? fixture.request)
                    SandboxTest.expectShape(response, like: fixture, remark: remark)
                    return response
                }
                _ = try await broker.send(try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request)
                _ = try await check(try Fixture("0034_HEART_BEAT__SUCCESS"))
                _ = try await check(try Fixture("0038_GET_CONSUMER_LIST_BY_GROUP__SUCCESS"))
                _ = try await check(try Fixture("0203_GET_CONSUMER_CONNECTION_LIST__SUCCESS"))

                let sent = try await check(try Fixture("0310_SEND_MESSAGE_V2__SUCCESS"))
                let msgId = try #require(sent.ext("msgId").flatMap(MessageId.init))
                #expect(msgId.storeHost.description == cluster.brokerAddresses["broker-a"])
                _ = try await check(try Fixture("v4.9.8-more/0310_SEND_MESSAGE_V2__ROCKETMQ__SUCCESS"), Self.retarget(try Fixture("v4.9.8-more/0310_SEND_MESSAGE_V2__ROCKETMQ__SUCCESS").request))

                let pulled = try await check(try Fixture("0011_PULL_MESSAGE__SUCCESS"))
                let messages = try MessageExt.decodeAll(from: try #require(pulled.body))
                #expect(messages.count == 1)
                #expect(messages.first?.tags == "TagA")
                #expect(messages.first?.keys == "mwqra9hp-0")
                #expect(messages.first?.properties["CLUSTER"] == "SourceCluster")
                #expect(messages.first?.properties["WAIT"] == nil)
                #expect(messages.first.map { String(decoding: $0.body, as: UTF8.self) } == "probe message 0 run mwqra9hp")
                #expect(messages.first?.msgId == msgId)

                // Same queue, offset at the end: OFFSET_OVERFLOW_ONE (held briefly, then answered).
                var overflow = try Fixture("0011_PULL_MESSAGE__PULL_NOT_FOUND_2").request
                overflow.extFields?["queueOffset"] = "1"
                overflow.extFields?["subVersion"] = "1795286594216"
                overflow.extFields?["suspendTimeoutMillis"] = "100"
                _ = try await check(try Fixture("0011_PULL_MESSAGE__PULL_NOT_FOUND_2"), overflow)
                var empty = try Fixture("0011_PULL_MESSAGE__PULL_NOT_FOUND").request
                empty.extFields?["subVersion"] = "1795286594234"
                empty.extFields?["suspendTimeoutMillis"] = "100"
                _ = try await check(try Fixture("0011_PULL_MESSAGE__PULL_NOT_FOUND"), empty)
                _ = try await check(try Fixture("0011_PULL_MESSAGE__SUBSCRIPTION_NOT_LATEST"))

                _ = try await check(try Fixture("0014_QUERY_CONSUMER_OFFSET__SUCCESS"))
                try await broker.write(
                    .oneway(code: .updateConsumerOffset, ext: ["consumerGroup": "MigGroupA", "topic": "MigTopicA", "queueId": "3", "commitOffset": "1"]))
                let queried = try await broker.send(try Fixture("0014_QUERY_CONSUMER_OFFSET__SUCCESS").request)
                #expect(queried.ext("offset") == "1")
                _ = try await check(try Fixture("v4.9.8-more/0043_GET_ALL_CONSUMER_OFFSET__SUCCESS"))
                _ = try await check(try Fixture("0208_GET_CONSUME_STATS__SUCCESS"))
                _ = try await check(try Fixture("0202_GET_TOPIC_STATS_INFO__SUCCESS"))

                // A producer group's connections.
                var heartbeat = try Fixture("0034_HEART_BEAT__SUCCESS").request
                heartbeat.body = ByteBuffer(string: #"{"clientID":"p1","consumerDataSet":[],"producerDataSet":[{"groupName":"MigProducerG"}]}"#)
                _ = try await broker.send(heartbeat)
                _ = try await check(try Fixture("v4.9.8-more/0204_GET_PRODUCER_CONNECTION_LIST__MigProducerG__SUCCESS"))
                _ = try await check(try Fixture("0035_UNREGISTER_CLIENT__SUCCESS"))
            }
        }
    }

    @Test func delayedMessageIsInvisibleUntilItsLevelElapses() async throws {
        try await SandboxTest.withCluster { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                var create = try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request
                create.extFields?["topic"] = "MigTopicD"
                _ = try await broker.send(create)
                let fixture = try Fixture("v4.9.8-more/0310_SEND_MESSAGE_V2__DELAY__SUCCESS")
                var send = fixture.request
                let properties = send.ext("i")?.replacingOccurrences(of: "DELAY\u{1}5", with: "DELAY\u{1}1")
                send.extFields?["i"] = properties
                SandboxTest.expectShape(try await broker.send(send), like: fixture)
                let pull = Self.pull(topic: "MigTopicD", queueId: 0)
                #expect(try await broker.send(pull).responseCode == .pullNotFound)
                try await Task.sleep(for: .milliseconds(1300))
                let delivered = try await broker.send(pull)
                #expect(delivered.responseCode == .success)
                let deliveredBody = try #require(delivered.body)
                let message = try #require(try MessageExt.decodeAll(from: deliveredBody).first)
                #expect(message.delayTimeLevel == 0)
                #expect(message.properties["REAL_TOPIC"] == "MigTopicD")
                #expect(message.tags == "TagS")
                SandboxTest.expectShape(
                    try await broker.send(try Fixture("v4.9.8-more/0045_GET_ALL_DELAY_OFFSET__SUCCESS").request),
                    like: try Fixture("v4.9.8-more/0045_GET_ALL_DELAY_OFFSET__SUCCESS"))
            }
        }
    }

    @Test func sendBackLandsInTheRetryTopic() async throws {
        var options = SandboxOptions()
        options.messageDelayLevel = "1s 1s 1s 1s"
        try await SandboxTest.withCluster(options: options) { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                _ = try await broker.send(try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request)
                _ = try await broker.send(try Fixture("0200_UPDATE_AND_CREATE_SUBSCRIPTIONGROUP__SUCCESS").request)
                let sent = try await broker.send(try Fixture("0310_SEND_MESSAGE_V2__SUCCESS").request)
                let msgId = try #require(sent.ext("msgId").flatMap(MessageId.init))
                let fixture = try Fixture("v4.9.8-more/0036_CONSUMER_SEND_MSG_BACK__SUCCESS")
                var back = fixture.request
                back.extFields?["group"] = "MigGroupA"
                back.extFields?["originTopic"] = "MigTopicA"
                back.extFields?["offset"] = String(msgId.commitLogOffset)
                SandboxTest.expectShape(try await broker.send(back), like: fixture)
                try await Task.sleep(for: .milliseconds(1300))
                let pulled = try await broker.send(Self.pull(topic: "%RETRY%MigGroupA", queueId: 0))
                #expect(pulled.responseCode == .success)
                let pulledBody = try #require(pulled.body)
                let message = try #require(try MessageExt.decodeAll(from: pulledBody).first)
                #expect(message.properties["RETRY_TOPIC"] == "MigTopicA")
                #expect(message.reconsumeTimes == 1)
                #expect(message.tags == "TagA")
            }
        }
    }

    /// A pull with its own `*` subscription and no suspension.
    static func pull(topic: String, queueId: Int32) -> RemotingCommand {
        let header = PullMessageRequestHeader(
            consumerGroup: "MigGroupA", topic: topic, queueId: queueId, queueOffset: 0, sysFlag: [.subscription],
            suspendTimeoutMillis: 0, subscription: "*", subVersion: 0)
        return .request(code: .pullMessage, ext: header.extFields)
    }

    /// The ROCKETMQ capture used topic MigTopicR; send it to MigTopicA, which the test created.
    static func retarget(_ request: RemotingCommand) -> RemotingCommand {
        var request = request
        request.extFields?["b"] = "MigTopicA"
        return request
    }
}
