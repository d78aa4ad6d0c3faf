import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// The broker codes a migration needs: queue locks, offset resets pushed to clients, producer info, batch
/// sends, and the topics producers may not send to.
@Suite struct MigrationCodesTests {
    private static func queues(_ ids: [Int32]) -> [MessageQueue] {
        ids.map { MessageQueue(topic: "T", brokerName: "broker-a", queueId: $0) }
    }

    private static func lock(
        _ broker: inout BrokerState, _ code: RequestCode, client: String, _ ids: [Int32], now: Int64
    ) throws -> [MessageQueue]? {
        let body = LockBatchRequestBody(consumerGroup: "G", clientId: client, mqSet: queues(ids)).json.body()
        let response = try #require(StateTest.call(&broker, code, body: body, now: now).response)
        #expect(response.responseCode == .success)
        return try response.jsonBody.map { try LockBatchResponseBody(json: $0).lockOKMQSet }
    }

    @Test func queueLocksBelongToOneClientUntilReleasedOrExpired() throws {
        var broker = StateTest.broker()
        let start = StateTest.start
        #expect(try Self.lock(&broker, .lockBatchMQ, client: "A", [0, 1], now: start) == Self.queues([0, 1]))
        #expect(try Self.lock(&broker, .lockBatchMQ, client: "B", [1, 2], now: start + 1) == Self.queues([2]))
        #expect(try Self.lock(&broker, .unlockBatchMQ, client: "B", [0], now: start + 2) == nil)
        #expect(try Self.lock(&broker, .lockBatchMQ, client: "A", [0], now: start + 3) == Self.queues([0]))
        #expect(try Self.lock(&broker, .unlockBatchMQ, client: "A", [0], now: start + 4) == nil)
        #expect(try Self.lock(&broker, .lockBatchMQ, client: "B", [0], now: start + 5) == Self.queues([0]))
        // A's lock on queue 1 was last renewed at `start`: after 60 s another client may take it.
        #expect(try Self.lock(&broker, .lockBatchMQ, client: "B", [1], now: start + 30_000) == [])
        #expect(try Self.lock(&broker, .lockBatchMQ, client: "B", [1], now: start + 60_001) == Self.queues([1]))
        let bad = StateTest.call(&broker, .lockBatchMQ, body: ByteBuffer(string: "{}"))
        #expect(bad.response?.responseCode == .systemError)
    }

    @Test func resetOffsetPushesTheNewOffsetsToEveryOnlineConsumer() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T", queues: 2)
        for time: Int64 in [1_000, 2_000, 3_000] {
            StateTest.send(&broker, "T", queueId: 0, now: time)
            StateTest.send(&broker, "T", queueId: 1, now: time)
        }
        let reset: RemotingExtFields = ["topic": "T", "group": "G", "timestamp": "2000", "isForce": "true"]
        for queueId in ["0", "1"] {
            StateTest.call(&broker, .updateConsumerOffset, ["consumerGroup": "G", "topic": "T", "queueId": queueId, "commitOffset": "3"])
        }
        let offline = StateTest.call(&broker, .invokeBrokerToResetOffset, reset).response
        #expect(offline?.responseCode == .consumerNotOnline)
        StateTest.call(&broker, .heartBeat, body: StateTest.heartbeat)

        let outcome = StateTest.call(&broker, .invokeBrokerToResetOffset, reset)
        let response = try #require(outcome.response)
        #expect(response.responseCode == .success)
        let table = try ResetOffsetBody(json: try #require(response.jsonBody)).offsetTable
        #expect(table[MessageQueue(topic: "T", brokerName: "broker-a", queueId: 0)] == 1)
        #expect(table[MessageQueue(topic: "T", brokerName: "broker-a", queueId: 1)] == 1)
        let push = try #require(outcome.pushes.first)
        #expect(outcome.pushes.count == 1)
        #expect(push.connectionID == StateTest.connection.id)
        #expect(push.command.requestCode == .resetConsumerClientOffset)
        #expect(push.command.isOneway)
        #expect(push.command.ext("group") == "G" && push.command.ext("timestamp") == "2000")
        let pushed = try #require(push.command.jsonBody)
        #expect(try ResetOffsetBody(json: pushed).offsetTable == table)
        #expect(broker.consumerOffsets["T@G"]?[0] == 3)

        // Without isForce an offset only moves back: -1 (the end) keeps the committed 3.
        var forward = reset
        forward["timestamp"] = "-1"
        forward["isForce"] = "false"
        let kept = StateTest.call(&broker, .invokeBrokerToResetOffset, forward).response
        let keptTable = try ResetOffsetBody(json: try #require(kept?.jsonBody)).offsetTable
        #expect(keptTable.map(\.value) == [3, 3])
    }

    @Test func producerInfoListsEveryProducerByGroup() throws {
        var broker = StateTest.broker()
        StateTest.call(&broker, .heartBeat, body: StateTest.heartbeat, now: StateTest.start + 5)
        let response = try #require(StateTest.call(&broker, .getAllProducerInfo).response)
        let info = try ProducerTableInfo(json: try #require(response.jsonBody))
        let producer = try #require(info.data["PG"]?.first)
        #expect(producer.clientId == "c1")
        #expect(producer.remoteIP == "/127.0.0.1:50000")
        #expect(producer.language == "JAVA")
        #expect(producer.lastUpdateTimestamp == StateTest.start + 5)
    }

    @Test func aBatchIsStoredInOrderWithEveryMessageId() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T", queues: 1)
        let batch = MessageBatch(entries: (0..<3).map { index in
            MessageBatch.Entry(body: Array("m\(index)".utf8), properties: ["UNIQ_KEY": "K\(index)", "TAGS": "a"])
        })
        var body = ByteBuffer()
        batch.encode(into: &body)
        #expect(try MessageBatch(decoding: body) == batch)
        let header = SendMessageRequestHeader(
            producerGroup: "P", topic: "T", queueId: 0, bornTimestamp: 1, properties: "WAIT\u{1}true\u{2}", batch: true)
        let sent = try #require(StateTest.call(&broker, .sendBatchMessage, header.extFields(v2: true), body: body).response)
        #expect(sent.responseCode == .success)
        #expect(sent.ext("msgId")?.split(separator: ",").count == 3)
        #expect(sent.ext("queueOffset") == "0")
        let pulled = try #require(StateTest.pull(&broker, "T", offset: 0))
        let messages = try MessageExt.decodeAll(from: try #require(pulled.body))
        #expect(messages.map { String(decoding: $0.body, as: UTF8.self) } == ["m0", "m1", "m2"])
        #expect(messages.map { $0.properties["UNIQ_KEY"] } == ["K0", "K1", "K2"])
        #expect(messages.allSatisfy { $0.properties["CLUSTER"] == "SourceCluster" })

        var retry = header
        retry.topic = "%RETRY%G"
        StateTest.createTopic(&broker, "%RETRY%G", queues: 1)
        let refused = StateTest.call(&broker, .sendBatchMessage, retry.extFields(v2: true), body: body).response
        #expect(refused?.responseCode == .messageIllegal)
        var truncated = body
        truncated.moveWriterIndex(to: body.writerIndex - 1)
        let broken = StateTest.call(&broker, .sendBatchMessage, header.extFields(v2: true), body: truncated).response
        #expect(broken?.responseCode == .messageIllegal)
    }

    @Test func systemTopicsRefuseDirectSendsAndTheScheduleTopicHas18Queues() throws {
        var broker = StateTest.broker()
        #expect(broker.topics["SCHEDULE_TOPIC_XXXX"]?.readQueueNums == 18)
        #expect(broker.topics["SCHEDULE_TOPIC_XXXX"]?.writeQueueNums == 18)
        for topic in ["SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC", "OFFSET_MOVED_EVENT", "SELF_TEST_TOPIC"] {
            let response = try #require(StateTest.send(&broker, topic))
            #expect(response.responseCode == .noPermission)
            #expect(response.remark == "Sending message to topic[\(topic)] is forbidden.")
        }
    }
}
