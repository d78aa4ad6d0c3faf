import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Synchronization
import Testing

/// An orderly push consumer behaves as 4.9.8's `ConsumeMessageOrderlyService` with `RebalanceImpl.lock`:
/// queues are taken only under a broker lock (LOCK_BATCH_MQ), renewed periodically, consumed one message
/// at a time in order (a failed message is redelivered in place, never sent back) and unlocked on release.
@Suite(.timeLimit(.minutes(2))) struct OrderlyConsumerTests {
    let logger = Logger(label: "test.consumer-orderly")

    func orderlyConfiguration(_ cluster: ScriptedCluster) -> RocketMQPushConsumerConfiguration {
        var configuration = cluster.consumerConfiguration()
        configuration.consumeOrderly = true
        configuration.lockInterval = .milliseconds(200)
        configuration.suspendCurrentQueueTime = .milliseconds(100)
        return configuration
    }

    @Test func aFailedMessageIsRedeliveredBeforeTheNextOne() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            let queue = MessageQueue(topic: "T", brokerName: "broker-0", queueId: 0)
            cluster.commit(queue, 0)
            for index in 0..<3 {
                cluster.enqueue(
                    MessageExt(topic: "T", queueOffset: Int64(index), body: Array("\(index)".utf8)), broker: "broker-0")
            }
            let deliveries = Mutex<[String]>([])
            let consumer = RocketMQPushConsumer(configuration: self.orderlyConfiguration(cluster), logger: self.logger) {
                message in
                let attempt = deliveries.withLock { list in
                    list.append(String(decoding: message.body, as: UTF8.self))
                    return list.count
                }
                struct Failure: Error {}
                if attempt == 2 { throw Failure() }
            }
            await consumer.subscribe("T")
            await consumer.start()
            let done = await cluster.eventually { deliveries.withLock { $0.count } >= 4 }
            #expect(done)
            #expect(deliveries.withLock { $0 } == ["0", "1", "1", "2"])
            #expect(cluster.arrivals(.consumerSendMsgBack).isEmpty, "an orderly consumer never sends back")
            #expect(cluster.lockHolder(queue) == consumer.clientId)
            await consumer.shutdown()
            let committed = await cluster.eventually {
                cluster.arrivals(.updateConsumerOffset).last?.request.ext("commitOffset") == "3"
            }
            #expect(committed, "the offset after the last consumed message is committed")
        }
    }

    @Test func aQueueLockedByAnotherClientIsNotTakenUntilItIsFree() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            let queue = MessageQueue(topic: "T", brokerName: "broker-0", queueId: 0)
            cluster.setLock(queue, "other-client")
            let consumer = RocketMQPushConsumer(configuration: self.orderlyConfiguration(cluster), logger: self.logger) { _ in }
            await consumer.subscribe("T")
            await consumer.start()
            let tried = await cluster.eventually { cluster.arrivals(.lockBatchMQ).count >= 3 }
            #expect(tried)
            #expect(await consumer.assignedQueues.isEmpty)
            #expect(cluster.arrivals(.pullMessage).isEmpty, "no pull without the lock")

            cluster.setLock(queue, nil)
            let taken = await cluster.eventually { await consumer.assignedQueues == [queue] }
            #expect(taken)
            #expect(cluster.lockHolder(queue) == consumer.clientId)
            let locksBefore = cluster.arrivals(.lockBatchMQ).count
            let renewed = await cluster.eventually { cluster.arrivals(.lockBatchMQ).count >= locksBefore + 3 }
            #expect(renewed, "the lock is renewed every lockInterval")

            await consumer.shutdown()
            let unlocked = await cluster.eventually { cluster.lockHolder(queue) == nil }
            #expect(unlocked, "shutdown unlocks the queue")
            #expect(!cluster.arrivals(.unlockBatchMQ).isEmpty)
        }
    }

    @Test func aReleasedQueueIsUnlocked() async throws {
        try await ScriptedCluster.with(brokerCount: 2) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0", "broker-1"]))
            let leaving = MessageQueue(topic: "T", brokerName: "broker-1", queueId: 0)
            let consumer = RocketMQPushConsumer(configuration: self.orderlyConfiguration(cluster), logger: self.logger) { _ in }
            await consumer.subscribe("T")
            await consumer.start()
            let locked = await cluster.eventually { cluster.lockHolder(leaving) == consumer.clientId }
            #expect(locked)
            cluster.setRoute("T", cluster.route(["broker-0"]))
            let unlocked = await cluster.eventually { cluster.lockHolder(leaving) == nil }
            #expect(unlocked, "the release unlocks the queue on its broker")
            #expect(await !consumer.assignedQueues.contains(leaving))
            await consumer.shutdown()
        }
    }
}
