import Logging
import MigrationEngine
import MigrationStore
import NIOCore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization
import Testing

/// Four topics (one ordered, one consumed with a tag filter) migrating from a source cluster (`broker-a`) to a
/// target (`broker-t`) through a routing proxy, under continuous production and consumption: one producer and
/// two groups of two push consumers, all knowing only the proxy's address.
final class TrafficHarness: Sendable {
    static let topics = ["Orders", "Payments", "Ledger", "Events"]
    static let orderedTopic = "Ledger"
    static let taggedTopic = "Events"
    static let groups = ["GroupA", "GroupB"]
    /// GroupA reads only `TagA` from the tagged topic; GroupB reads everything.
    static let filteredGroup = "GroupA"
    /// The producer's group (readiness looks its connections up by group).
    static let producerGroup = "MigratingProducer"

    let source: SandboxCluster
    let target: SandboxCluster
    let store: TrafficStore
    /// The proxy's persisted access records (what the readiness checks read).
    let accessStore: ProxyAccessStore
    let proxy: NameServerProxy
    private let client: RemotingClient
    private let producer: RocketMQProducer
    private let consumers: [String: [RocketMQPushConsumer]]
    let ledger: TrafficLedger
    /// Steps committed so far (sends are labelled with it).
    let steps = Atomic<Int>(0)
    private let sender: Mutex<Task<Void, Never>?> = Mutex(nil)

    private init(
        source: SandboxCluster, target: SandboxCluster, store: TrafficStore, accessStore: ProxyAccessStore,
        proxy: NameServerProxy, client: RemotingClient, producer: RocketMQProducer, consumers: [String: [RocketMQPushConsumer]],
        ledger: TrafficLedger
    ) {
        self.ledger = ledger
        self.source = source
        self.target = target
        self.store = store
        self.accessStore = accessStore
        self.proxy = proxy
        self.client = client
        self.producer = producer
        self.consumers = consumers
    }

    /// Starts everything, runs `body`, then stops everything whatever `body` did.
    /// `quietPeriodSeconds` is the task's drain quiet period (the readiness checks read it); `statePath` puts the
    /// state in a file another process (`ferry migrate …`) can share, instead of memory.
    static func run(
        quietPeriodSeconds: Int64 = MigrationTask.defaultQuietPeriodSeconds, statePath: String? = nil,
        _ body: (TrafficHarness) async throws -> Void
    ) async throws {
        // Both NameServers carry `orderTopicConf` in routes (`orderMessageEnable`), so the ordered topic's
        // producer follows the rewritten `orderTopicConf` at each stage, as a Java producer does.
        var options = SandboxOptions()
        options.orderMessageEnable = true
        try await ProxyTest.withClusters(options: options) { source, target in
            let setup = RemotingClient(logger: ProxyTest.logger)
            for (cluster, broker) in [(source, "broker-a"), (target, "broker-t")] {
                try await RocketMQAdmin(client: setup, nameServers: [cluster.nameServerAddress]).putKVConfig(
                    namespace: RocketMQAdmin.orderTopicConfigNamespace, key: orderedTopic, value: "\(broker):4")
            }
            for topic in topics {
                try await ProxyTest.createTopic(topic, on: source, client: setup)
                try await ProxyTest.createTopic(topic, on: target, client: setup)
            }
            // The groups exist on the target before any step, as metadata migration leaves them.
            let targetAdmin = RocketMQAdmin(client: setup, nameServers: [target.nameServerAddress])
            for group in groups {
                for address in target.brokerAddresses.values {
                    try await targetAdmin.createOrUpdateGroup(SubscriptionGroupConfig(groupName: group), broker: address)
                }
            }
            await setup.shutdown()
            let database = try statePath.map { try MigrationDatabase(path: $0) } ?? MigrationDatabase.inMemory()
            let store = TrafficStore(database: database)
            try await store.create(
                MigrationTask(
                    name: "task", sourceNameServers: [source.nameServerAddress],
                    targetNameServers: [target.nameServerAddress],
                    topics: topics.map { MigrationTopic(name: $0, groups: groups, ordered: $0 == orderedTopic) },
                    quietPeriodSeconds: quietPeriodSeconds),
                audit: TrafficAuditContext(actor: "test"))
            try await ProxyTest.withProxy(
                ProxyTest.configuration(source: source, target: target),
                rules: TrafficStoreRulesSource(store: store, taskName: "task"), store: ProxyAccessStore(database: database)
            ) { proxy in
                let harness = await Self.startClients(
                    source: source, target: target, store: store, accessStore: ProxyAccessStore(database: database),
                    proxy: proxy)
                do {
                    try await body(harness)
                    await harness.stop()
                } catch {
                    await harness.stop()
                    throw error
                }
            }
        }
    }

    private static func startClients(
        source: SandboxCluster, target: SandboxCluster, store: TrafficStore, accessStore: ProxyAccessStore,
        proxy: NameServerProxy
    ) async -> TrafficHarness {
        let proxyAddress = "127.0.0.1:\(proxy.port)"
        let ledger = TrafficLedger()
        var consumers: [String: [RocketMQPushConsumer]] = [:]
        for group in groups {
            for _ in 0..<2 {
                var configuration = RocketMQPushConsumerConfiguration(group: group, nameServers: [proxyAddress])
                configuration.routeRefreshInterval = .milliseconds(500)
                configuration.rebalanceInterval = .milliseconds(500)
                configuration.heartbeatInterval = .seconds(1)
                configuration.persistOffsetInterval = .milliseconds(200)
                configuration.brokerSuspendTime = .seconds(1)
                let consumer = RocketMQPushConsumer(configuration: configuration, logger: ProxyTest.logger) { message in
                    let id = String(decoding: message.body, as: UTF8.self)
                    ledger.received(id: id, group: group)
                }
                for topic in topics {
                    await consumer.subscribe(topic, expression: topic == taggedTopic && group == filteredGroup ? "TagA" : "*")
                }
                await consumer.start()
                consumers[group, default: []].append(consumer)
            }
        }
        let client = RemotingClient(logger: ProxyTest.logger)
        var configuration = RocketMQProducerConfiguration(group: producerGroup, nameServers: [proxyAddress])
        configuration.routeRefreshInterval = .milliseconds(500)
        configuration.heartbeatInterval = .seconds(1)
        let producer = RocketMQProducer(configuration: configuration, client: client, logger: ProxyTest.logger)
        await producer.start()
        let harness = TrafficHarness(
            source: source, target: target, store: store, accessStore: accessStore, proxy: proxy, client: client,
            producer: producer,
            consumers: consumers, ledger: ledger)
        harness.startSending()
        return harness
    }

    /// The producer loop: one message per topic in turn every few milliseconds until ``stopSending()``.
    private func startSending() {
        let task = Task {
            var sequence = 0
            while !Task.isCancelled {
                for topic in Self.topics {
                    sequence += 1
                    let id = "\(topic)#\(sequence)"
                    // Alternates per round, so each topic (the tagged one included) gets both tags.
                    let tag = sequence % (2 * Self.topics.count) < Self.topics.count ? "TagA" : "TagB"
                    let step = self.steps.load(ordering: .relaxed)
                    do {
                        let result = try await self.producer.send(
                            RocketMQMessage(topic: topic, body: ByteBuffer(string: id), tags: tag))
                        let groups = Self.groups.filter {
                            topic != Self.taggedTopic || $0 != Self.filteredGroup || tag == "TagA"
                        }
                        self.ledger.sent(id: id, broker: result.queue.brokerName, step: step, groups: groups)
                    } catch {
                        self.ledger.sendFailed(id: id)
                    }
                }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        self.sender.withLock { $0 = task }
    }

    /// Stops the producer loop and waits for its last send.
    func stopSending() async {
        let task = self.sender.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    private func stop() async {
        await self.stopSending()
        await self.producer.shutdown()
        await self.client.shutdown()
        for consumer in self.consumers.values.flatMap({ $0 }) { await consumer.shutdown() }
    }

    /// Moves every topic one stage `direction` (committed in the store, as `ferry migrate` does) and returns
    /// the stage they are at.
    func step(_ direction: StageDirection) async throws -> MigrationStage {
        let task = try #require(try self.store.task(named: "task"))
        let outcomes = StageMachine.plan(task: task, selected: Self.topics, direction: direction)
        let committed = try await self.store.commit(
            task: "task", direction: direction, outcomes: outcomes, audit: TrafficAuditContext(actor: "test"))
        var stage: MigrationStage?
        for outcome in committed {
            guard case .moved(let move) = outcome else {
                Issue.record("step refused: \(outcome)")
                continue
            }
            stage = move.to
        }
        self.steps.add(1, ordering: .relaxed)
        return try #require(stage)
    }

    /// Waits until the proxy serves `stage`'s routes and the clients hold them: each group's consumers read
    /// exactly the sides the stage reads, and the producer's latest sends go only to the sides it writes (both,
    /// when it writes both). Returns false when that did not happen within the timeout.
    func waitForClients(at stage: MigrationStage) async throws -> Bool {
        let readable = Set(["broker-a"].filter { _ in stage != .completed } + ["broker-t"].filter { _ in stage != .initial })
        let writable = Set(
            ["broker-a"].filter { _ in stage <= .dualReadWrite } + ["broker-t"].filter { _ in stage >= .dualReadWrite })
        let step = self.steps.load(ordering: .relaxed)
        let admin = RocketMQAdmin(client: self.client, nameServers: ["127.0.0.1:\(self.proxy.port)"])
        return try await ProxyTest.eventually(within: .seconds(30)) {
            for topic in Self.topics {
                let route = try await admin.topicRoute(topic)
                guard Set(route.queueDatas.filter(\.perm.isReadable).map(\.brokerName)) == readable,
                    Set(route.publishQueues(topic: topic).map(\.brokerName)) == writable
                else { return false }
            }
            for consumers in self.consumers.values {
                var assigned: Set<String> = []
                for consumer in consumers {
                    assigned.formUnion(await consumer.assignedQueues.filter { Self.topics.contains($0.topic) }.map(\.brokerName))
                }
                guard assigned == readable else { return false }
            }
            guard let recent = self.ledger.lastBrokers(40, afterStep: step) else { return false }
            return Set(recent) == writable
        }
    }

    /// Waits until every group received every message expected so far.
    func waitUntilDelivered() async -> Bool {
        await ProxyTest.eventually(within: .seconds(60)) { self.ledger.missing == 0 }
    }

    /// Messages the source still holds unconsumed for the task's groups (GET_CONSUME_STATS on `broker-a`).
    func sourceBacklog() async throws -> Int64 {
        let admin = RocketMQAdmin(client: self.client, nameServers: [self.source.nameServerAddress])
        let broker = try #require(self.source.brokerAddresses["broker-a"])
        var backlog: Int64 = 0
        for group in Self.groups {
            for topic in Self.topics {
                backlog += try await admin.consumeStats(group: group, topic: topic, broker: broker).totalDiff
            }
        }
        return backlog
    }

    /// Prints what was sent, received and duplicated.
    func printSummary(_ label: String) {
        print(
            "\(label): expected \(self.ledger.expectedCounts), duplicates \(self.ledger.duplicates), "
                + "send failures \(self.ledger.failures)")
    }
}
