import Foundation
import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox

/// A source and a target sandbox cluster with distinct broker names, an admin client for each, and helpers to
/// seed topics, offsets and messages. Everything is shut down after `body`, also when it throws.
struct SandboxClusters {
    let source: SandboxCluster
    let target: SandboxCluster
    let client: RemotingClient

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Starts both clusters (the source with `sourceOptions`), runs `body`, shuts them down.
    static func with<T>(
        sourceOptions: SandboxOptions = SandboxOptions(), _ body: (SandboxClusters) async throws -> T
    ) async throws -> T {
        let source = try await SandboxCluster.start(
            name: "SourceCluster", brokerNames: ["source-a", "source-b"], options: sourceOptions, logger: Self.logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["target-a"], logger: Self.logger)
        } catch {
            await source.shutdown()
            throw error
        }
        let clusters = SandboxClusters(
            source: source, target: target, client: RemotingClient(configuration: .init(), logger: Self.logger))
        do {
            let result = try await body(clusters)
            await clusters.shutdown()
            return result
        } catch {
            await clusters.shutdown()
            throw error
        }
    }

    func shutdown() async {
        await self.client.shutdown()
        await self.source.shutdown()
        await self.target.shutdown()
    }

    func admin(_ cluster: SandboxCluster) -> RocketMQAdmin {
        RocketMQAdmin(client: self.client, nameServers: [cluster.nameServerAddress], timeout: .seconds(3))
    }

    /// Creates `topic` on every master of `cluster` and re-registers the brokers so the NameServer routes it.
    func createTopic(_ topic: String, on cluster: SandboxCluster, order: Bool = false) async throws {
        for address in cluster.brokerAddresses.values.sorted() {
            try await self.admin(cluster).createOrUpdateTopic(
                TopicConfig(topicName: topic, readQueueNums: 4, writeQueueNums: 4, order: order), broker: address)
        }
        if order {
            // As `mqadmin updateTopic -o true`: the order lives in the NameServer's ORDER_TOPIC_CONFIG.
            let brokers = cluster.brokerAddresses.keys.sorted().map { "\($0):4" }.joined(separator: ";")
            try await self.admin(cluster).putKVConfig(
                namespace: RocketMQAdmin.orderTopicConfigNamespace, key: topic, value: brokers)
        }
        await cluster.registerBrokers()
    }

    /// Commits an offset for `group` on queue 0 of `topic` on every master of `cluster`.
    func commitOffset(topic: String, group: String, on cluster: SandboxCluster) async throws {
        for address in cluster.brokerAddresses.values {
            let request = RemotingCommand.request(
                code: .updateConsumerOffset,
                ext: ["consumerGroup": group, "topic": topic, "queueId": "0", "commitOffset": "1"])
            _ = try await self.client.invoke(request, address: address, timeout: .seconds(3))
        }
    }

    /// Sends `count` messages to `topic` through `cluster`'s NameServer.
    func send(_ count: Int, to topic: String, on cluster: SandboxCluster) async throws {
        let producer = RocketMQProducer(
            configuration: RocketMQProducerConfiguration(group: "test-producer", nameServers: [cluster.nameServerAddress]),
            client: self.client, logger: Self.logger)
        await producer.start()
        for index in 0..<count {
            _ = try await producer.send(RocketMQMessage(topic: topic, body: ByteBuffer(string: "m\(index)")))
        }
        await producer.shutdown()
    }
}
