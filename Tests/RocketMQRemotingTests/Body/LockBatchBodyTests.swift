import RocketMQRemoting
import Testing

/// LOCK_BATCH_MQ / UNLOCK_BATCH_MQ bodies in the shape Java's `LockBatchRequestBody` and
/// `LockBatchResponseBody` have (fastjson: fields sorted, `MessageQueue` as an object; `onlyThisBroker` is
/// the 5.x field, false, which 4.9.8 brokers ignore).
@Suite struct LockBatchBodyTests {
    let queue = MessageQueue(topic: "OrderTopic", brokerName: "broker-a", queueId: 3)

    @Test func requestWritesJavasFields() throws {
        let body = LockBatchRequestBody(consumerGroup: "G", clientId: "10.0.0.1@1#2", mqSet: [self.queue])
        #expect(
            body.text()
                == #"{"clientId":"10.0.0.1@1#2","consumerGroup":"G","mqSet":[{"brokerName":"broker-a","queueId":3,"topic":"OrderTopic"}],"onlyThisBroker":false}"#
        )
        #expect(try LockBatchRequestBody(parsing: body.text()) == body)
    }

    @Test func responseReadsTheLockedSet() throws {
        let text = #"{"lockOKMQSet":[{"brokerName":"broker-a","queueId":3,"topic":"OrderTopic"}]}"#
        #expect(try LockBatchResponseBody(parsing: text).lockOKMQSet == [self.queue])
        #expect(try LockBatchResponseBody(parsing: "{}").lockOKMQSet.isEmpty)
    }

    @Test func aRequestWithoutQueuesIsEmptyNotAnError() throws {
        let body = try LockBatchRequestBody(parsing: #"{"clientId":"c","consumerGroup":"G"}"#)
        #expect(body.mqSet.isEmpty && body.clientId == "c")
    }
}
