import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// END_TRANSACTION reads its header as 4.9.8 does: a missing required field or an unknown decision is the
/// header error, and the half message stays pending instead of being decided on a default.
@Suite struct EndTransactionTests {
    @Test func aMalformedHeaderDecidesNothing() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        let header = SendMessageRequestHeader(
            producerGroup: "P", topic: "T", queueId: 0, bornTimestamp: StateTest.start,
            properties: "\(MessageProperties.transactionPrepared)\u{1}true\u{2}")
        let sent = StateTest.call(&broker, .sendMessageV2, header.extFields(v2: true), body: ByteBuffer(string: "half")).response
        let offset = try #require(sent?.ext("msgId").flatMap(MessageId.init)).commitLogOffset
        #expect(broker.halfMessages[offset] != nil)
        let complete: RemotingExtFields = [
            "producerGroup": "P", "tranStateTableOffset": "0", "commitLogOffset": "\(offset)", "commitOrRollback": "8",
            "fromTransactionCheck": "false", "msgId": "m",
        ]
        for broken in [complete.removing("commitLogOffset"), complete.removing("producerGroup"), complete.setting("commitOrRollback", "4")] {
            let answer = StateTest.call(&broker, .endTransaction, broken).response
            #expect(answer?.responseCode == .systemError)
            #expect(broker.halfMessages[offset] != nil, "the half message is still pending")
        }
        #expect(StateTest.call(&broker, .endTransaction, complete).response?.responseCode == .success)
        #expect(broker.halfMessages[offset] == nil)
    }
}

extension RemotingExtFields {
    fileprivate func removing(_ key: String) -> RemotingExtFields {
        var copy = self
        copy[key] = nil
        return copy
    }

    fileprivate func setting(_ key: String, _ value: String) -> RemotingExtFields {
        var copy = self
        copy[key] = value
        return copy
    }
}

/// GET_MAX_OFFSET, GET_MIN_OFFSET and SEARCH_OFFSET_BY_TIMESTAMP refuse a header without its required fields
/// instead of answering for queue 0 or timestamp 0.
@Suite struct QueueOffsetHeaderTests {
    @Test(arguments: [RequestCode.getMaxOffset, .getMinOffset, .searchOffsetByTimestamp])
    func aMissingFieldIsTheHeaderError(code: RequestCode) throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        StateTest.send(&broker, "T", queueId: 1)
        let complete: RemotingExtFields = ["topic": "T", "queueId": "1", "timestamp": "\(StateTest.start)"]
        #expect(StateTest.call(&broker, code, complete).response?.responseCode == .success)
        for field in code == .searchOffsetByTimestamp ? ["topic", "queueId", "timestamp"] : ["topic", "queueId"] {
            let answer = StateTest.call(&broker, code, complete.removing(field)).response
            #expect(answer?.responseCode == .systemError, "\(field)")
            #expect(answer?.remark?.contains(field) == true)
        }
    }
}
