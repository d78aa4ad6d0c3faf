import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// Pull offsets, min offsets, deletion and time search as a 4.9.8 store answers them.
@Suite struct MessageStoreFidelityTests {
    @Test func pullPastTheEndMovesToTheMaxOffsetNotZero() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        for _ in 0..<3 { StateTest.send(&broker, "T") }
        let response = try #require(StateTest.pull(&broker, "T", offset: 10))
        #expect(response.responseCode == .pullOffsetMoved)
        #expect(response.remark == "OFFSET_OVERFLOW_BADLY")
        #expect(response.ext("nextBeginOffset") == "3")
    }

    @Test func aFullStoreDropsTheOldestMessagesAndQueuesGetAMinOffset() throws {
        var broker = StateTest.broker(storeCapacity: 2_000)
        StateTest.createTopic(&broker, "T")
        for index in 0..<40 { StateTest.send(&broker, "T", body: "message \(index)") }
        let minOffset = broker.store.minOffset(topic: "T", queueId: 0)
        #expect(minOffset > 0)
        #expect(broker.store.maxOffset(topic: "T", queueId: 0) == 40)
        #expect(broker.store.storedBytes <= 2_000)

        let tooSmall = try #require(StateTest.pull(&broker, "T", offset: 0))
        #expect(tooSmall.responseCode == .pullOffsetMoved)
        #expect(tooSmall.remark == "OFFSET_TOO_SMALL")
        #expect(tooSmall.ext("nextBeginOffset") == String(minOffset))
        let found = try #require(StateTest.pull(&broker, "T", offset: minOffset))
        #expect(found.responseCode == .success)
        let body = try #require(found.body)
        let first = try #require(try MessageExt.decodeAll(from: body).first)
        #expect(first.queueOffset == minOffset)
        #expect(String(decoding: first.body, as: UTF8.self) == "message \(minOffset)")

        // A group with no committed offset on a queue whose head was dropped: QUERY_NOT_FOUND (22).
        let query = StateTest.call(&broker, .queryConsumerOffset, ["consumerGroup": "G", "topic": "T", "queueId": "0"])
        #expect(query.response?.responseCode == .queryNotFound)
        let minimum = StateTest.call(&broker, .getMinOffset, ["topic": "T", "queueId": "0"])
        #expect(minimum.response?.ext("offset") == String(minOffset))
    }

    @Test func deletingATopicKeepsItsConsumerOffsets() {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        StateTest.send(&broker, "T")
        StateTest.call(&broker, .updateConsumerOffset, ["consumerGroup": "G", "topic": "T", "queueId": "0", "commitOffset": "1"])
        StateTest.call(&broker, .deleteTopicInBroker, ["topic": "T"])
        #expect(broker.topics["T"] == nil)
        #expect(broker.store.maxOffset(topic: "T", queueId: 0) == 0)
        #expect(broker.consumerOffsets["T@G"]?[0] == 1)
    }

    @Test func searchByTimestampFindsTheNearestMessage() {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        for time: Int64 in [1_000, 2_000, 3_000, 10_000] { StateTest.send(&broker, "T", now: time) }
        func search(_ timestamp: Int64) -> String? {
            StateTest.call(&broker, .searchOffsetByTimestamp, ["topic": "T", "queueId": "0", "timestamp": "\(timestamp)"])
                .response?.ext("offset")
        }
        #expect(search(500) == "0")
        #expect(search(2_000) == "1")
        #expect(search(2_400) == "1")
        #expect(search(2_600) == "2")
        #expect(search(7_000) == "3")
        #expect(search(99_000) == "3")
        #expect(search(5_000) == "2")
    }
}
