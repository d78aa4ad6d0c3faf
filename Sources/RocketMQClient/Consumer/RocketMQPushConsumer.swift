public import Logging
public import NIOCore
public import NIOPosix
public import RocketMQRemoting

/// A clustering-mode RocketMQ 4.x push consumer.
///
/// Like the Java `DefaultMQPushConsumer` it subscribes its topics and `%RETRY%<group>`, heartbeats its
/// subscriptions to every broker of its routes, refreshes routes from the NameServer, allocates the
/// readable queues of every broker over the group's sorted client ids (average allocation, re-done
/// periodically and on NOTIFY_CONSUMER_IDS_CHANGED), long-polls each of its queues with PULL_MESSAGE,
/// delivers messages to the handler one at a time per queue, commits offsets periodically, and sends a
/// message whose handler threw back to the broker (CONSUMER_SEND_MSG_BACK) so it is retried through
/// `%RETRY%<group>` (when the broker refuses, it produces the message to `%RETRY%<group>` itself).
/// With ``RocketMQPushConsumerConfiguration/consumeOrderly`` it consumes each queue in order under a
/// broker lock instead, like a Java consumer with a `MessageListenerOrderly`.
/// Broker addresses come from a client-wide table fed by every route seen, as Java's `brokerAddrTable`.
/// ``shutdown()`` commits offsets and unregisters the client.
public actor RocketMQPushConsumer {
    /// Receives each message; throwing sends it back for a later retry (in orderly mode: delivers it again
    /// after ``RocketMQPushConsumerConfiguration/suspendCurrentQueueTime``).
    public typealias Handler = @Sendable (MessageExt) async throws -> Void

    /// The consumer's settings.
    public let configuration: RocketMQPushConsumerConfiguration
    /// The id brokers know this client by (`ip@pid#nanos`).
    public nonisolated let clientId: String
    let client: RemotingClient
    let admin: RocketMQAdmin
    let logger: Logger
    let handler: Handler
    /// Sends a failed message to `%RETRY%<group>` when the broker refuses CONSUMER_SEND_MSG_BACK (Java's
    /// inner producer, group `CLIENT_INNER_PRODUCER`, same client id).
    let innerProducer: RocketMQProducer
    let rebalanceSignal: AsyncStream<Void>.Continuation
    private let rebalanceRequests: AsyncStream<Void>

    var subscriptions: [String: SubscriptionExpression] = [:]
    var routes: [String: TopicRouteData] = [:]
    /// The brokers of every route seen, pruned on each heartbeat tick.
    var brokers = BrokerAddressTable()
    var processQueues: [MessageQueue: ProcessQueue] = [:]
    var offsets = OffsetTable()
    /// Orderly mode: when each owned queue's broker lock was last granted.
    var queueLocks: [MessageQueue: ContinuousClock.Instant] = [:]
    /// Where the consumer is in its life; work suspended across ``shutdown()`` checks it before starting more.
    private(set) var lifecycle = Lifecycle.idle
    private var backgroundTasks: [Task<Void, Never>] = []
    private var nextToken = 0

    /// The consumer's life: ``start()`` and ``shutdown()`` are actor methods that suspend, so each can run
    /// while the other (or a rebalance) is suspended.
    enum Lifecycle {
        /// Created, not started.
        case idle
        /// ``start()`` is fetching routes, registering and taking queues.
        case starting
        /// Started: the periodic work runs.
        case running
        /// ``shutdown()`` began: nothing new starts (no pull loop, timer or heartbeat).
        case shutDown
    }

    /// The pull task of one owned queue; `token` tells a replaced task's late updates apart.
    struct ProcessQueue {
        var token: Int
        var task: Task<Void, Never>
    }

    /// The group's retry topic, `%RETRY%<group>`.
    public nonisolated var retryTopic: String { "%RETRY%" + self.configuration.group }

    /// Creates a consumer. It owns a ``RemotingClient`` made from `clientConfiguration` (so it can hear
    /// NOTIFY_CONSUMER_IDS_CHANGED), closed by ``shutdown()``.
    public init(
        configuration: RocketMQPushConsumerConfiguration,
        clientConfiguration: RemotingClientConfiguration = RemotingClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        handler: @escaping Handler
    ) {
        self.configuration = configuration
        let clientId = ClientIdentity.makeClientId()
        self.clientId = clientId
        self.logger = logger
        self.handler = handler
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.rebalanceRequests = stream
        self.rebalanceSignal = continuation
        let group = configuration.group
        self.client = RemotingClient(configuration: clientConfiguration, eventLoopGroup: eventLoopGroup, logger: logger) {
            request, _ in
            if request.requestCode == .notifyConsumerIdsChanged, request.ext("consumerGroup") == group {
                continuation.yield()
            }
            return nil
        }
        self.admin = RocketMQAdmin(
            client: self.client,
            nameServers: configuration.nameServers,
            timeout: configuration.requestTimeout
        )
        var producerConfiguration = RocketMQProducerConfiguration(
            group: Self.innerProducerGroup,
            nameServers: configuration.nameServers
        )
        producerConfiguration.routeRefreshInterval = configuration.routeRefreshInterval
        producerConfiguration.sendTimeout = configuration.requestTimeout
        self.innerProducer = RocketMQProducer(
            configuration: producerConfiguration,
            client: self.client,
            clientId: clientId,
            logger: logger
        )
    }

    /// The group of the producer every Java client instance has for retries (`MixAll.CLIENT_INNER_PRODUCER_GROUP`).
    static let innerProducerGroup = "CLIENT_INNER_PRODUCER"


    /// Subscribes `topic` with a tag expression (`*`, or `TagA || TagB`). Call before ``start()``.
    public func subscribe(_ topic: String, expression: String = "*") {
        self.subscriptions[topic] = SubscriptionExpression(expression)
    }

    /// Fetches routes, registers with the brokers, takes its queues and starts the periodic work.
    public func start() async {
        guard self.lifecycle == .idle else { return }
        self.lifecycle = .starting
        if self.subscriptions[self.retryTopic] == nil {
            self.subscriptions[self.retryTopic] = SubscriptionExpression("*")
        }
        await self.refreshRoutes()
        await self.heartbeat()
        await self.rebalance()
        // A shutdown() that ran while this was suspended has already cancelled everything: start nothing more.
        guard self.lifecycle == .starting else { return }
        self.lifecycle = .running
        let configuration = self.configuration
        self.backgroundTasks = [
            self.every(configuration.routeRefreshInterval) { consumer in
                if await consumer.refreshRoutes() { await consumer.heartbeat() }
            },
            // Java's heartbeat task first forgets brokers no route lists any more (`cleanOfflineBroker`).
            self.every(configuration.heartbeatInterval) { consumer in
                await consumer.pruneBrokers()
                await consumer.heartbeat()
            },
            self.every(configuration.rebalanceInterval) { $0.rebalanceSignal.yield() },
            self.every(configuration.persistOffsetInterval) { await $0.persistOffsets() },
            Task { [weak self, rebalanceRequests] in
                for await _ in rebalanceRequests {
                    guard let self else { return }
                    await self.rebalance()
                }
            },
        ]
        if configuration.consumeOrderly {
            self.backgroundTasks.append(self.every(configuration.lockInterval) { await $0.lockAll() })
        }
    }

    /// Stops pulling, commits every consumed offset, unregisters from the brokers and closes the connections.
    public func shutdown() async {
        guard self.lifecycle != .shutDown else { return }
        self.lifecycle = .shutDown
        for task in self.backgroundTasks { task.cancel() }
        self.backgroundTasks = []
        self.rebalanceSignal.finish()
        let queues = Array(self.processQueues.keys)
        for queue in queues { self.processQueues.removeValue(forKey: queue)?.task.cancel() }
        await self.persistOffsets()
        // An orderly consumer unlocks its queues (`ConsumeMessageOrderlyService.shutdown` → `unlockAll`).
        if self.configuration.consumeOrderly { await self.unlock(queues) }
        await self.innerProducer.shutdown()
        for address in self.brokers.allAddresses {
            let request = RemotingCommand.request(
                code: .unregisterClient,
                ext: ["clientID": self.clientId, "consumerGroup": self.configuration.group]
            )
            _ = try? await self.client.invoke(request, address: address)
        }
        await self.client.shutdown()
    }

    /// The queues this consumer pulls now, sorted.
    public var assignedQueues: [MessageQueue] { self.processQueues.keys.sorted() }

    /// Fetches the route of every subscribed topic; returns true when the set of brokers changed.
    @discardableResult
    func refreshRoutes() async -> Bool {
        let before = Set(self.routes.values.flatMap(\.allBrokerAddresses))
        for topic in self.subscriptions.keys {
            do {
                let route = try await self.admin.topicRoute(topic)
                self.routes[topic] = route
                self.brokers.record(route)
            } catch {
                self.logger.debug("consumer.route.failed", metadata: ["consumer.topic": "\(topic)", "error": "\(error)"])
            }
        }
        return before != Set(self.routes.values.flatMap(\.allBrokerAddresses))
    }

    /// Forgets broker addresses that no current route lists (Java's `cleanOfflineBroker`).
    func pruneBrokers() {
        self.brokers.prune(keeping: self.routes.values)
    }

    /// Sends the group's subscriptions to every broker of every route (none once shut down: a late heartbeat
    /// would register the client again after its UNREGISTER_CLIENT).
    func heartbeat() async {
        let subscriptions = self.subscriptions.sorted { $0.key < $1.key }.map { topic, expression in
            SubscriptionData(
                topic: topic,
                subString: expression.text,
                tagsSet: expression.tags,
                codeSet: expression.codes,
                subVersion: expression.version
            )
        }
        let consumer = ConsumerData(
            groupName: self.configuration.group,
            consumeFromWhere: self.configuration.consumeFromWhere,
            subscriptionDataSet: subscriptions
        )
        // Like the Java client, the heartbeat also carries the inner producer group it sends retries with.
        let body = HeartbeatData(
            clientID: self.clientId,
            producerDataSet: [ProducerData(groupName: "CLIENT_INNER_PRODUCER")],
            consumerDataSet: [consumer]
        ).byteBuffer()
        for address in self.brokers.allAddresses where self.lifecycle != .shutDown {
            do {
                let response = try await self.client.invoke(.request(code: .heartBeat, body: body), address: address)
                _ = try response.requireSuccess(request: .heartBeat, address: address)
            } catch {
                self.logger.debug("consumer.heartbeat.failed", metadata: ["broker.addr": "\(address)", "error": "\(error)"])
            }
        }
    }

    private func every(
        _ interval: Duration,
        _ work: @escaping @Sendable (RocketMQPushConsumer) async -> Void
    ) -> Task<Void, Never> {
        Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, !Task.isCancelled else { return }
                await work(self)
            }
        }
    }

    /// A fresh token for a new process queue.
    func makeToken() -> Int {
        self.nextToken += 1
        return self.nextToken
    }
}
