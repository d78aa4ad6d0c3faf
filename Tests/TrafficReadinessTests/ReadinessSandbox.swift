import Foundation
import Logging
import MigrationEngine
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Synchronization
import TrafficReadiness

/// A source and a target sandbox cluster (two masters each) with the topic `orders` and the group
/// `billing` on both, admins for both, and a clock the test moves.
struct ReadinessSandbox {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let topic = "orders"
    static let group = "billing"

    let source: SandboxCluster
    let target: SandboxCluster
    let client: RemotingClient
    let sourceAdmin: RocketMQAdmin
    let targetAdmin: RocketMQAdmin
    let clock: ManualClock

    static func with<T>(sourceOptions: SandboxOptions = SandboxOptions(), _ body: (ReadinessSandbox) async throws -> T)
        async throws -> T
    {
        let source = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: ["source-a", "source-b"], options: sourceOptions, logger: logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["target-a", "target-b"], logger: logger)
        } catch {
            await source.shutdown()
            throw error
        }
        let client = RemotingClient(logger: logger)
        let sandbox = ReadinessSandbox(
            source: source, target: target, client: client,
            sourceAdmin: RocketMQAdmin(client: client, nameServers: [source.nameServerAddress]),
            targetAdmin: RocketMQAdmin(client: client, nameServers: [target.nameServerAddress]), clock: ManualClock())
        do {
            try await sandbox.createResources()
            let result = try await body(sandbox)
            await sandbox.shutdown()
            return result
        } catch {
            await sandbox.shutdown()
            throw error
        }
    }

    private func shutdown() async {
        await client.shutdown()
        await source.shutdown()
        await target.shutdown()
    }

    private func createResources() async throws {
        for (admin, cluster) in [(sourceAdmin, source), (targetAdmin, target)] {
            for address in cluster.brokerAddresses.values {
                try await admin.createOrUpdateTopic(
                    TopicConfig(topicName: Self.topic, readQueueNums: 2, writeQueueNums: 2, perm: [.read, .write]),
                    broker: address)
                try await admin.createOrUpdateGroup(SubscriptionGroupConfig(groupName: Self.group), broker: address)
            }
            await cluster.registerBrokers()
        }
    }

    var task: MigrationTask {
        MigrationTask(
            name: "t", sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress],
            topics: [MigrationTopic(name: Self.topic, groups: [Self.group], ordered: false, stage: .cuttingOver)])
    }

    func cache(accessLog: any ProxyAccessLog = StaticProxyAccessLog()) -> ReadinessFactsCache {
        let gatherer = ReadinessGatherer(source: sourceAdmin, target: targetAdmin, accessLog: accessLog)
        let clock = self.clock
        return ReadinessFactsCache(gatherer: gatherer, logger: Self.logger, now: { clock.now })
    }

    func cluster(_ side: ClusterSide) -> SandboxCluster { side == .source ? source : target }
    func admin(_ side: ClusterSide) -> RocketMQAdmin { side == .source ? sourceAdmin : targetAdmin }

    /// Sends one message to `side` (the source by default) through a producer that talks to it directly.
    func send(to side: ClusterSide = .source, delayLevel: Int = 0, properties: [String: String] = [:]) async throws {
        var configuration = RocketMQProducerConfiguration(group: "direct-writer", nameServers: [cluster(side).nameServerAddress])
        configuration.sendTimeout = .seconds(10)
        let producer = RocketMQProducer(configuration: configuration, client: client, logger: Self.logger)
        do {
            _ = try await producer.send(
                RocketMQMessage(topic: Self.topic, body: ByteBuffer(string: "m"), delayLevel: delayLevel, properties: properties))
        } catch {
            await producer.shutdown()
            throw error
        }
        await producer.shutdown()
    }

    /// Commits `billing`'s offsets on `topic` on `side` to the max offset of every queue (the consumers caught up).
    func consumeAll(topic: String = ReadinessSandbox.topic, on side: ClusterSide = .source) async throws {
        for address in cluster(side).brokerAddresses.values {
            let stats = try await admin(side).topicStats(topic, broker: address)
            for (queue, offsets) in stats.offsetTable {
                let request = RemotingCommand.request(
                    code: .updateConsumerOffset,
                    ext: [
                        "consumerGroup": Self.group, "topic": topic, "queueId": String(queue.queueId),
                        "commitOffset": String(offsets.maxOffset),
                    ])
                _ = try await client.invoke(request, address: address)
            }
        }
    }

    /// Ends every pending half message on the source (`commit` true commits, false rolls back).
    func endTransactions(commit: Bool) async throws {
        for address in source.brokerAddresses.values {
            let page = try await sourceAdmin.peekMessages(
                topic: "RMQ_SYS_TRANS_HALF_TOPIC", queueId: 0, offset: 0, broker: address)
            for message in page.messages {
                let request = RemotingCommand.request(
                    code: .endTransaction,
                    ext: [
                        "producerGroup": "direct-writer", "tranStateTableOffset": String(message.queueOffset),
                        "commitLogOffset": String(message.commitLogOffset), "commitOrRollback": commit ? "8" : "12",
                        "fromTransactionCheck": "false", "msgId": "", "transactionId": "",
                    ])
                _ = try await client.invoke(request, address: address)
            }
        }
    }
}

/// Unix milliseconds the test sets.
final class ManualClock: Sendable {
    /// Starts at the real time: brokers date their last messages with it.
    private let value = Mutex<Int64>(Int64(Date().timeIntervalSince1970 * 1000))
    var now: Int64 { value.withLock { $0 } }
    func advance(seconds: Int64) { value.withLock { $0 += seconds * 1000 } }
}
