import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization

/// Produce and consume throughput through a two-broker sandbox cluster on loopback, 1 KiB bodies, with the
/// project's own producer and push consumer.
enum SandboxBenchmark {
    /// Messages sent, then consumed.
    static let total = 20_000
    /// Concurrent sending tasks.
    static let senders = 8

    static func run() async throws {
        var logger = Logger(label: "ferry.bench")
        logger.logLevel = .warning

        let cluster = try await SandboxCluster.start(
            name: "BenchCluster", brokerNames: ["broker-a", "broker-b"], logger: logger)
        let client = RemotingClient(logger: logger)
        let admin = RocketMQAdmin(client: client, nameServers: [cluster.nameServerAddress])
        for address in cluster.brokerAddresses.values {
            try await admin.createOrUpdateTopic(
                TopicConfig(topicName: "BenchTopic", readQueueNums: 4, writeQueueNums: 4), broker: address)
        }
        let producer = RocketMQProducer(
            configuration: RocketMQProducerConfiguration(group: "BenchProducer", nameServers: [cluster.nameServerAddress]),
            client: client, logger: logger)
        await producer.start()
        let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1024)
        _ = try await producer.send(RocketMQMessage(topic: "BenchTopic", body: body))

        let clock = ContinuousClock()
        let produceStart = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                group.addTask {
                    for _ in stride(from: sender, to: total - 1, by: senders) {
                        _ = try await producer.send(RocketMQMessage(topic: "BenchTopic", body: body))
                    }
                }
            }
            try await group.waitForAll()
        }
        let produceTime = clock.now - produceStart

        let consumed = Atomic<Int>(0)
        var configuration = RocketMQPushConsumerConfiguration(group: "BenchGroup", nameServers: [cluster.nameServerAddress])
        configuration.rebalanceInterval = .milliseconds(500)
        let consumer = RocketMQPushConsumer(configuration: configuration, logger: logger) { _ in
            consumed.add(1, ordering: .relaxed)
        }
        await consumer.subscribe("BenchTopic")
        let consumeStart = clock.now
        await consumer.start()
        let deadline = clock.now + .seconds(120)
        while consumed.load(ordering: .relaxed) < total, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let consumeTime = clock.now - consumeStart
        let received = consumed.load(ordering: .relaxed)

        print("\(total) messages of 1 KiB, 2 brokers x 4 queues, loopback")
        print("produce: \(rate(total - 1, produceTime)) msgs/s (\(senders) concurrent senders, \(produceTime))")
        print("consume: \(rate(received, consumeTime)) msgs/s (1 push consumer, \(received) received, \(consumeTime) incl. rebalance)")

        await consumer.shutdown()
        await producer.shutdown()
        await client.shutdown()
        await cluster.shutdown()
    }

    private static func rate(_ count: Int, _ duration: Duration) -> Int {
        Int(Double(count) / max(duration.inSeconds, 1e-9))
    }
}
