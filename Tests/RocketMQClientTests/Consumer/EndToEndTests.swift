import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization
import RocketMQTestSupport
import Testing

/// Producer and push consumers against an in-process sandbox cluster over loopback.
@Suite(.serialized) struct EndToEndTests {
    let logger = Logger.test("test.e2e")

    func consumerConfiguration(_ nameServer: String, group: String) -> RocketMQPushConsumerConfiguration {
        var configuration = RocketMQPushConsumerConfiguration(group: group, nameServers: [nameServer])
        configuration.consumeFromWhere = .firstOffset
        configuration.routeRefreshInterval = .seconds(1)
        configuration.heartbeatInterval = .seconds(1)
        configuration.rebalanceInterval = .seconds(1)
        configuration.persistOffsetInterval = .milliseconds(200)
        configuration.brokerSuspendTime = .seconds(1)
        configuration.pullDelayOnError = .milliseconds(200)
        return configuration
    }

    /// Creates `topic` with 4 queues on each broker and makes the brokers register it.
    func createTopic(_ topic: String, on cluster: SandboxCluster, admin: RocketMQAdmin) async throws {
        for address in cluster.brokerAddresses.values.sorted() {
            try await admin.createOrUpdateTopic(TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4), broker: address)
        }
        await cluster.registerBrokers()
    }

    @Test(.timeLimit(.minutes(5)))
    func twoConsumersReceiveTenThousandMessagesExactlyOnce() async throws {
        try await ClusterFixture.with(name: "E2E", brokerNames: ["broker-a", "broker-b"], logger: self.logger) { fixture in
            let (cluster, admin) = (fixture.cluster, fixture.admin)
            try await self.createTopic("E2ETopic", on: cluster, admin: admin)
            #expect(try await admin.topicRoute("E2ETopic").subscribeQueues(topic: "E2ETopic").count == 8)

            let seen = Mutex<[String: Int]>([:])
            let handler: RocketMQPushConsumer.Handler = { message in
                seen.withLock { $0[String(decoding: message.body, as: UTF8.self), default: 0] += 1 }
            }
            let consumers = [
                fixture.consumer(self.consumerConfiguration(cluster.nameServerAddress, group: "E2EGroup"), logger: self.logger, handler: handler),
                fixture.consumer(self.consumerConfiguration(cluster.nameServerAddress, group: "E2EGroup"), logger: self.logger, handler: handler),
            ]
            for consumer in consumers {
                await consumer.subscribe("E2ETopic")
                await consumer.start()
            }
            // Wait for the group to settle: 4 queues each, all 8 covered.
            var settled = false
            for _ in 0..<100 where !settled {
                let first = await consumers[0].assignedQueues.filter { $0.topic == "E2ETopic" }
                let second = await consumers[1].assignedQueues.filter { $0.topic == "E2ETopic" }
                settled = first.count == 4 && second.count == 4 && Set(first).isDisjoint(with: second)
                if !settled { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(settled)

            var producerConfiguration = RocketMQProducerConfiguration(group: "E2EProducer", nameServers: [cluster.nameServerAddress])
            producerConfiguration.sendTimeout = .seconds(10)
            let producer = fixture.producer(producerConfiguration, logger: self.logger)
            await producer.start()
            let total = 10_000
            let brokersUsed = try await withThrowingTaskGroup(of: Set<String>.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var brokers: Set<String> = []
                        for index in stride(from: worker, to: total, by: 8) {
                            let result = try await producer.send(
                                RocketMQMessage(topic: "E2ETopic", body: ByteBuffer(string: "m\(index)"), tags: "T", keys: ["k\(index)"])
                            )
                            brokers.insert(result.queue.brokerName)
                        }
                        return brokers
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.formUnion($1) }
            }
            #expect(brokersUsed == ["broker-a", "broker-b"], "round robin reaches both brokers")

            for _ in 0..<600 where seen.withLock({ $0.count }) < total {
                try await Task.sleep(for: .milliseconds(100))
            }
            let counts = seen.withLock { $0 }
            #expect(counts.count == total, "every message arrives")
            #expect(counts.values.allSatisfy { $0 == 1 }, "no message arrives twice")

            for consumer in consumers { await consumer.shutdown() }
            await producer.shutdown()
            var backlog: Int64 = 0
            for address in cluster.brokerAddresses.values {
                backlog += try await admin.consumeStats(group: "E2EGroup", topic: "E2ETopic", broker: address).totalDiff
            }
            #expect(backlog == 0)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func failedMessagesComeBackThroughTheRetryTopic() async throws {
        var options = SandboxOptions()
        options.messageDelayLevel = Array(repeating: "100ms", count: 18).joined(separator: " ")
        try await ClusterFixture.with(name: "Retry", brokerNames: ["broker-a"], options: options, logger: self.logger) { fixture in
            let (cluster, admin) = (fixture.cluster, fixture.admin)
            try await self.createTopic("RetryTopic", on: cluster, admin: admin)
            let deliveries = Mutex<[String]>([])
            let consumer = fixture.consumer(
                self.consumerConfiguration(cluster.nameServerAddress, group: "RetryGroup"),
                logger: self.logger
            ) { message in
                let attempts = deliveries.withLock { list in
                    list.append("\(message.topic):\(message.reconsumeTimes)")
                    return list.count
                }
                struct Failure: Error {}
                if attempts == 1 { throw Failure() }
            }
            await consumer.subscribe("RetryTopic")
            await consumer.start()
            let producer = fixture.producer(
                RocketMQProducerConfiguration(group: "RetryProducer", nameServers: [cluster.nameServerAddress]),
                logger: self.logger
            )
            _ = try await producer.send(RocketMQMessage(topic: "RetryTopic", body: ByteBuffer(string: "once")))
            for _ in 0..<200 where deliveries.withLock({ $0.count }) < 2 {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(deliveries.withLock { $0 } == ["RetryTopic:0", "RetryTopic:1"], "redelivered once, under its own topic")
            await consumer.shutdown()
            await producer.shutdown()
        }
    }
}
