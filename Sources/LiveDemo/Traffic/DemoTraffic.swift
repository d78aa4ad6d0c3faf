public import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import Synchronization

/// The demo's live traffic: one producer per topic sending numbered messages, and one push consumer per group
/// (RocketMQ 4.x semantics: clustering, average allocation, retry topics) reading every topic; all of them
/// know only one NameServer address. A ``DeliveryCounter`` records every acknowledged send and every delivery.
///
/// ```swift
/// let traffic = await DemoTraffic.start(DemoTrafficConfiguration(nameServer: proxy), logger: logger)
/// … // migrate
/// await traffic.stopProducing()
/// _ = await traffic.drain(within: .seconds(60))
/// await traffic.shutdown()
/// print(traffic.verdict.line)
/// ```
public final class DemoTraffic: Sendable {
    /// The clients' settings.
    public let configuration: DemoTrafficConfiguration
    /// What was sent and delivered.
    public let counter: DeliveryCounter
    private let client: RemotingClient
    private let producers: [RocketMQProducer]
    private let consumers: [RocketMQPushConsumer]
    private let senders = Mutex<[Task<Void, Never>]>([])
    /// Set by ``stopProducing()``: each loop finishes its send in flight (not cancelled: a cancelled send would
    /// count as unacknowledged) and stops.
    private let stopping = Atomic<Bool>(false)

    private init(
        configuration: DemoTrafficConfiguration, counter: DeliveryCounter, client: RemotingClient,
        producers: [RocketMQProducer], consumers: [RocketMQPushConsumer]
    ) {
        self.configuration = configuration
        self.counter = counter
        self.client = client
        self.producers = producers
        self.consumers = consumers
    }

    /// Starts the consumers, then the producers and their send loops.
    public static func start(_ configuration: DemoTrafficConfiguration, logger: Logger) async -> DemoTraffic {
        let topology = configuration.topology
        let counter = DeliveryCounter()
        var consumers: [RocketMQPushConsumer] = []
        for group in topology.groups {
            let consumer = Self.consumer(group: group, configuration: configuration, counter: counter, logger: logger)
            for topic in topology.topics { await consumer.subscribe(topic, expression: "*") }
            await consumer.start()
            consumers.append(consumer)
        }
        let client = RemotingClient(logger: logger)
        var settings = RocketMQProducerConfiguration(group: topology.producerGroup, nameServers: [configuration.nameServer])
        settings.routeRefreshInterval = configuration.routeRefreshInterval
        settings.heartbeatInterval = .seconds(1)
        var producers: [RocketMQProducer] = []
        for _ in topology.topics {
            let producer = RocketMQProducer(configuration: settings, client: client, logger: logger)
            await producer.start()
            producers.append(producer)
        }
        let traffic = DemoTraffic(
            configuration: configuration, counter: counter, client: client, producers: producers, consumers: consumers)
        for (topic, producer) in zip(topology.topics, producers) {
            traffic.startSending(topic: topic, producer: producer)
        }
        return traffic
    }

    private static func consumer(
        group: String, configuration: DemoTrafficConfiguration, counter: DeliveryCounter, logger: Logger
    ) -> RocketMQPushConsumer {
        var settings = RocketMQPushConsumerConfiguration(group: group, nameServers: [configuration.nameServer])
        settings.routeRefreshInterval = configuration.routeRefreshInterval
        settings.rebalanceInterval = configuration.routeRefreshInterval
        settings.heartbeatInterval = .seconds(1)
        settings.persistOffsetInterval = .milliseconds(200)
        settings.brokerSuspendTime = .seconds(1)
        return RocketMQPushConsumer(configuration: settings, logger: logger) { message in
            counter.delivered(id: String(decoding: message.body, as: UTF8.self), group: group)
        }
    }

    /// One producer's loop: `topic#1`, `topic#2`… (the id is the body) every ``DemoTrafficConfiguration/sendInterval``
    /// until ``stopProducing()`` or ``DemoTrafficConfiguration/maxMessagesPerTopic``.
    private func startSending(topic: String, producer: RocketMQProducer) {
        let counter = self.counter
        let interval = self.configuration.sendInterval
        let limit = self.configuration.maxMessagesPerTopic
        let task = Task {
            var sequence = 0
            while !Task.isCancelled && !self.stopping.load(ordering: .relaxed) && sequence < limit {
                sequence += 1
                let id = "\(topic)#\(sequence)"
                do {
                    _ = try await producer.send(RocketMQMessage(topic: topic, body: ByteBuffer(string: id), keys: [id]))
                    counter.sent(id: id, topic: topic)
                } catch {
                    counter.sendFailed(id: id, reason: "\(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
        self.senders.withLock { $0.append(task) }
    }

    /// Stops every send loop and waits for each one's last send (a send in flight completes; it is not cancelled).
    public func stopProducing() async {
        self.stopping.store(true, ordering: .relaxed)
        let tasks = self.senders.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        for task in tasks { await task.value }
    }

    /// Waits until every group received every acknowledged id of its topics, polling every 100 ms; returns
    /// whether that happened within `timeout`.
    public func drain(within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if self.verdict.lost == 0 { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return self.verdict.lost == 0
    }

    /// The verdict over everything counted so far.
    public var verdict: DemoVerdict { self.counter.verdict(subscriptions: self.configuration.topology.subscriptions) }

    /// Stops producing, then shuts every producer and consumer down (consumers commit their offsets).
    public func shutdown() async {
        await self.stopProducing()
        for producer in self.producers { await producer.shutdown() }
        await self.client.shutdown()
        for consumer in self.consumers { await consumer.shutdown() }
    }
}
