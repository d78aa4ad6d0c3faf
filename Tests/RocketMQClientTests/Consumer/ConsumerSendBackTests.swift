import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Synchronization
import Testing

/// When CONSUMER_SEND_MSG_BACK fails, Java produces the message to `%RETRY%<group>` itself
/// (`DefaultMQPushConsumerImpl.sendMessageBack`) instead of blocking the queue.
@Suite(.timeLimit(.minutes(2))) struct ConsumerSendBackTests {
    let logger = Logger(label: "test.consumer-send-back")

    @Test func aRefusedSendBackFallsBackToProducingToTheRetryTopic() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            cluster.setRoute("%RETRY%G", cluster.route(["broker-0"]))
            cluster.commit(MessageQueue(topic: "T", brokerName: "broker-0", queueId: 0), 0)
            cluster.script(.consumerSendMsgBack, on: "broker-0", Array(repeating: .init(code: .noPermission), count: 10))
            cluster.enqueue(
                MessageExt(
                    topic: "T", body: Array("payload".utf8),
                    properties: [MessageProperties.uniqueClientMessageIdKey: "ABC", MessageProperties.tags: "TagA"],
                    reconsumeTimes: 2),
                broker: "broker-0")
            let deliveries = Mutex(0)
            let consumer = RocketMQPushConsumer(configuration: cluster.consumerConfiguration(), logger: self.logger) { _ in
                deliveries.withLock { $0 += 1 }
                struct Failure: Error {}
                throw Failure()
            }
            await consumer.subscribe("T")
            await consumer.start()
            let sent = await cluster.eventually { !cluster.arrivals(.sendMessageV2).isEmpty }
            #expect(sent, "the message was produced to the retry topic")
            let request = try #require(cluster.arrivals(.sendMessageV2).first?.request)
            #expect(request.ext("b") == "%RETRY%G")
            let properties = MessageProperties.decode(request.ext("i") ?? "")
            #expect(properties[MessageProperties.retryTopic] == "T")
            #expect(request.ext("j") == "3", "reconsume times + 1, in the header as Java's sendKernelImpl puts it")
            #expect(request.ext("l") == "16")
            #expect(properties[MessageProperties.reconsumeTime] == nil && properties[MessageProperties.maxReconsumeTimes] == nil)
            #expect(properties[MessageProperties.delayTimeLevel] == "5", "delay level 3 + reconsume times")
            #expect(properties[MessageProperties.originMessageId] == "ABC")
            #expect(properties[MessageProperties.uniqueClientMessageIdKey] == "ABC", "the message keeps its id")
            #expect(properties[MessageProperties.tags] == "TagA")
            try await Task.sleep(for: .milliseconds(1500))
            #expect(deliveries.withLock { $0 } == 1, "delivered once: the queue is not blocked by retries")
            #expect(cluster.arrivals(.consumerSendMsgBack).count == 1)
            await consumer.shutdown()
        }
    }
}
