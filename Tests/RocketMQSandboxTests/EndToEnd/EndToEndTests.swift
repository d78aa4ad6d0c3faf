import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization
import Testing

/// Real producing and consuming through a two-broker sandbox cluster with the project's own client.
@Suite struct EndToEndTests {
    @Test(.timeLimit(.minutes(5)))
    func tenThousandMessagesReachTwoConsumersExactlyOnce() async throws {
        let logger = SandboxTest.logger
        try await SandboxTest.withCluster(brokers: ["broker-a", "broker-b"]) { cluster in
            let client = RemotingClient(logger: logger)
            var consumers: [RocketMQPushConsumer] = []
            var producer: RocketMQProducer?
            // Whether the body returns or throws, nothing it started may outlive the test.
            func shutdownClients() async {
                for consumer in consumers { await consumer.shutdown() }
                await producer?.shutdown()
                await client.shutdown()
            }
            do {
                let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
                for address in cluster.brokerAddresses.values {
                    try await admin.createOrUpdateTopic(TopicConfig(topicName: "E2ETopic", readQueueNums: 4, writeQueueNums: 4), broker: address)
                }
                let received = Mutex<[String: Int]>([:])
                let delayed = Mutex<[ContinuousClock.Instant]>([])
                for _ in 0..<2 {
                    var configuration = RocketMQPushConsumerConfiguration(group: "E2EGroup", nameServers: [cluster.nameServerAddress])
                    configuration.rebalanceInterval = .milliseconds(500)
                    configuration.persistOffsetInterval = .milliseconds(200)
                    configuration.heartbeatInterval = .seconds(1)
                    configuration.routeRefreshInterval = .seconds(1)
                    let consumer = RocketMQPushConsumer(configuration: configuration, logger: logger) { message in
                        let text = String(decoding: message.body, as: UTF8.self)
                        if message.tags == "Delayed" {
                            delayed.withLock { $0.append(.now) }
                        } else {
                            received.withLock { $0[text, default: 0] += 1 }
                        }
                    }
                    await consumer.subscribe("E2ETopic")
                    await consumer.start()
                    consumers.append(consumer)
                }
                // Let both consumers join and split the 8 queues before anything is sent.
                try await Task.sleep(for: .seconds(2))
                // 8 topic queues plus the retry topic's queue on each broker, split without overlap.
                let first = await consumers[0].assignedQueues, second = await consumers[1].assignedQueues
                #expect(Set(first).isDisjoint(with: second))
                #expect((first + second).filter { $0.topic == "E2ETopic" }.count == 8)

                let started = RocketMQProducer(
                    configuration: RocketMQProducerConfiguration(group: "E2EProducer", nameServers: [cluster.nameServerAddress]),
                    client: client, logger: logger)
                producer = started
                await started.start()
                for index in 0..<10_000 {
                    _ = try await started.send(RocketMQMessage(topic: "E2ETopic", body: ByteBuffer(string: "m-\(index)"), tags: "TagA"))
                }
                let delayedSentAt = ContinuousClock.now
                for index in 0..<3 {
                    _ = try await started.send(
                        RocketMQMessage(topic: "E2ETopic", body: ByteBuffer(string: "d-\(index)"), tags: "Delayed", delayLevel: 1))
                }
                let deadline = ContinuousClock.now + .seconds(60)
                while received.withLock({ $0.count }) < 10_000 || delayed.withLock({ $0.count }) < 3, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                }
                let counts = received.withLock { $0 }
                #expect(counts.count == 10_000)
                #expect(counts.values.allSatisfy { $0 == 1 })
                let arrivals = delayed.withLock { $0 }
                #expect(arrivals.count == 3)
                #expect(arrivals.allSatisfy { $0 - delayedSentAt >= .milliseconds(900) })

                try await Task.sleep(for: .seconds(1))
                var backlog: Int64 = 0
                for address in cluster.brokerAddresses.values {
                    let stats = try await admin.consumeStats(group: "E2EGroup", topic: "E2ETopic", broker: address)
                    backlog += stats.offsetTable.values.reduce(0) { $0 + $1.diff }
                }
                #expect(backlog == 0)
            } catch {
                await shutdownClients()
                throw error
            }
            await shutdownClients()
        }
    }
}
