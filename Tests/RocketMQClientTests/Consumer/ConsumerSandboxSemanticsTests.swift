import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization
import Testing

/// The Java consumer behaviours of issue 13 on a sandbox cluster, where a migration test meets them.
@Suite(.serialized) struct ConsumerSandboxSemanticsTests {
    let logger = Logger(label: "test.consumer-sandbox")

    func configuration(_ cluster: SandboxCluster, group: String) -> RocketMQPushConsumerConfiguration {
        var configuration = RocketMQPushConsumerConfiguration(group: group, nameServers: [cluster.nameServerAddress])
        configuration.consumeFromWhere = .firstOffset
        configuration.routeRefreshInterval = .milliseconds(200)
        configuration.heartbeatInterval = .seconds(1)
        configuration.rebalanceInterval = .milliseconds(200)
        configuration.persistOffsetInterval = .milliseconds(200)
        configuration.brokerSuspendTime = .seconds(1)
        configuration.pullDelayOnError = .milliseconds(200)
        return configuration
    }

    func eventually(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<200 {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }

    /// A read-only source broker answers CONSUMER_SEND_MSG_BACK with NO_PERMISSION: the failed message is
    /// produced to `%RETRY%<group>` instead (Java's inner-producer fallback), where the route still has a
    /// writable broker (as a migration's target is), and comes back once, under its own topic.
    @Test(.timeLimit(.minutes(2)))
    func aReadOnlyBrokerRefusesTheSendBackAndTheMessageStillComesBack() async throws {
        var options = SandboxOptions()
        options.messageDelayLevel = Array(repeating: "100ms", count: 18).joined(separator: " ")
        try await ClusterFixture.with(
            name: "ReadOnly", brokerNames: ["broker-a", "broker-b"], options: options, logger: self.logger
        ) { fixture in
            let (cluster, admin) = (fixture.cluster, fixture.admin)
            let source = try #require(cluster.brokerAddresses["broker-a"])
            let target = try #require(cluster.brokerAddresses["broker-b"])
            try await admin.createOrUpdateTopic(TopicConfig(topicName: "ROTopic", readQueueNums: 2, writeQueueNums: 2), broker: source)
            // A second subscribed topic on broker-b makes the consumer heartbeat it, which creates the group's
            // retry topic there: the writable half of `%RETRY%ROGroup`'s route.
            try await admin.createOrUpdateTopic(TopicConfig(topicName: "ROOther", readQueueNums: 1, writeQueueNums: 1), broker: target)
            await cluster.registerBrokers()
            let deliveries = Mutex<[String]>([])
            let readOnly = Mutex(false)
            let consumer = fixture.consumer(self.configuration(cluster, group: "ROGroup"), logger: self.logger) { message in
                let count = deliveries.withLock { list in
                    list.append("\(message.topic):\(message.reconsumeTimes)")
                    return list.count
                }
                guard count == 1 else { return }
                // Fail the first delivery once the source broker is read-only.
                for _ in 0..<200 where !readOnly.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(50)) }
                struct Failure: Error {}
                throw Failure()
            }
            await consumer.subscribe("ROTopic")
            await consumer.subscribe("ROOther")
            await consumer.start()
            let ready = await self.eventually { await consumer.assignedQueues.filter { $0.topic == "ROTopic" }.count == 2 }
            #expect(ready)
            let producer = fixture.producer(
                RocketMQProducerConfiguration(group: "ROProducer", nameServers: [cluster.nameServerAddress]), logger: self.logger)
            _ = try await producer.send(RocketMQMessage(topic: "ROTopic", body: ByteBuffer(string: "once")))
            let delivered = await self.eventually { deliveries.withLock { $0.count } >= 1 }
            #expect(delivered)

            try await admin.updateBrokerConfig(BrokerProperties([.init(key: "brokerPermission", value: "4")]), broker: source)
            readOnly.withLock { $0 = true }
            let redelivered = await self.eventually { deliveries.withLock { $0.count } >= 2 }
            #expect(redelivered)
            #expect(deliveries.withLock { $0 } == ["ROTopic:0", "ROTopic:1"], "back once, through the retry topic")
        }
    }

    /// An orderly consumer holds its queue under the sandbox broker's lock (LOCK_BATCH_MQ) and unlocks it on
    /// shutdown, so the group's next consumer locks the queue at once and goes on in order from the
    /// committed offset: no message twice, none out of order. Without the unlock the broker would keep the
    /// lock for a minute.
    @Test(.timeLimit(.minutes(2)))
    func anOrderlyQueueHandsOverInOrderWhenItsConsumerShutsDown() async throws {
        try await ClusterFixture.with(name: "Orderly", brokerNames: ["broker-a"], logger: self.logger) { fixture in
            let (cluster, admin) = (fixture.cluster, fixture.admin)
            let broker = try #require(cluster.brokerAddresses["broker-a"])
            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: "OrderTopic", readQueueNums: 1, writeQueueNums: 1), broker: broker)
            await cluster.registerBrokers()
            var configuration = self.configuration(cluster, group: "OrderGroup")
            configuration.consumeOrderly = true
            configuration.lockInterval = .milliseconds(500)
            let seen = Mutex<[String]>([])
            func consumer(_ name: String) -> RocketMQPushConsumer {
                fixture.consumer(configuration, logger: self.logger) { message in
                    seen.withLock { $0.append(name + ":" + String(decoding: message.body, as: UTF8.self)) }
                }
            }
            let producer = fixture.producer(
                RocketMQProducerConfiguration(group: "OrderProducer", nameServers: [cluster.nameServerAddress]),
                logger: self.logger)

            let first = consumer("A")
            await first.subscribe("OrderTopic")
            await first.start()
            #expect(await self.eventually { await first.assignedQueues.contains { $0.topic == "OrderTopic" } })
            for index in 0..<5 { _ = try await producer.send(RocketMQMessage(topic: "OrderTopic", body: ByteBuffer(string: "m\(index)"))) }
            #expect(await self.eventually { seen.withLock { $0.count } == 5 })
            await first.shutdown()

            let second = consumer("B")
            await second.subscribe("OrderTopic")
            await second.start()
            for index in 5..<10 { _ = try await producer.send(RocketMQMessage(topic: "OrderTopic", body: ByteBuffer(string: "m\(index)"))) }
            #expect(await self.eventually { seen.withLock { $0.count } >= 10 })
            #expect(seen.withLock { $0 } == (0..<5).map { "A:m\($0)" } + (5..<10).map { "B:m\($0)" })
        }
    }

    /// A topic whose queues lose READ keeps its consumers' queues (Java's rebalance throws on an empty list).
    @Test(.timeLimit(.minutes(2)))
    func aTopicWithoutReadableQueuesKeepsItsAssignment() async throws {
        try await ClusterFixture.with(name: "NoRead", brokerNames: ["broker-a"], logger: self.logger) { fixture in
            let (cluster, admin) = (fixture.cluster, fixture.admin)
            let broker = try #require(cluster.brokerAddresses["broker-a"])
            try await admin.createOrUpdateTopic(TopicConfig(topicName: "NRTopic", readQueueNums: 2, writeQueueNums: 2), broker: broker)
            await cluster.registerBrokers()
            let consumer = fixture.consumer(self.configuration(cluster, group: "NRGroup"), logger: self.logger) { _ in }
            await consumer.subscribe("NRTopic")
            await consumer.start()
            let ready = await self.eventually { await consumer.assignedQueues.filter { $0.topic == "NRTopic" }.count == 2 }
            #expect(ready)

            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: "NRTopic", readQueueNums: 2, writeQueueNums: 2, perm: [.write]), broker: broker)
            await cluster.registerBrokers()
            let unreadable = await self.eventually {
                (try? await admin.topicRoute("NRTopic"))?.subscribeQueues(topic: "NRTopic").isEmpty == true
            }
            #expect(unreadable, "the route shows no readable queue")
            try await Task.sleep(for: .seconds(1))
            #expect(await consumer.assignedQueues.filter { $0.topic == "NRTopic" }.count == 2)
        }
    }
}
