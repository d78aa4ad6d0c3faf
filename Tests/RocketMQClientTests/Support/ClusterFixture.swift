import Logging
import RocketMQClient
import RocketMQSandbox
import Synchronization

/// A sandbox cluster with a client and an admin for one test, and the consumers and producers the test
/// starts on it. ``with(name:brokerNames:options:logger:_:)`` shuts all of them down whether the test body
/// returns or throws, so a failed expectation never leaves a cluster or a pull loop running.
final class ClusterFixture: Sendable {
    let cluster: SandboxCluster
    let client: RemotingClient
    let admin: RocketMQAdmin
    private let consumers = Mutex<[RocketMQPushConsumer]>([])
    private let producers = Mutex<[RocketMQProducer]>([])

    private init(cluster: SandboxCluster, logger: Logger) {
        self.cluster = cluster
        self.client = RemotingClient(logger: logger)
        self.admin = RocketMQAdmin(client: self.client, nameServers: [cluster.nameServerAddress])
    }

    /// Starts a cluster, runs `body` with the fixture, then shuts everything down.
    static func with<T>(
        name: String, brokerNames: [String], options: SandboxOptions = SandboxOptions(), logger: Logger,
        _ body: (ClusterFixture) async throws -> T
    ) async throws -> T {
        let cluster = try await SandboxCluster.start(name: name, brokerNames: brokerNames, options: options, logger: logger)
        let fixture = ClusterFixture(cluster: cluster, logger: logger)
        do {
            let result = try await body(fixture)
            await fixture.shutdown()
            return result
        } catch {
            await fixture.shutdown()
            throw error
        }
    }

    /// Creates a consumer that the fixture shuts down at the end (unless the test already did).
    func consumer(
        _ configuration: RocketMQPushConsumerConfiguration, logger: Logger,
        handler: @escaping RocketMQPushConsumer.Handler
    ) -> RocketMQPushConsumer {
        let consumer = RocketMQPushConsumer(configuration: configuration, logger: logger, handler: handler)
        self.consumers.withLock { $0.append(consumer) }
        return consumer
    }

    /// Creates a producer over the fixture's client that the fixture shuts down at the end.
    func producer(_ configuration: RocketMQProducerConfiguration, logger: Logger) -> RocketMQProducer {
        let producer = RocketMQProducer(configuration: configuration, client: self.client, logger: logger)
        self.producers.withLock { $0.append(producer) }
        return producer
    }

    private func shutdown() async {
        for consumer in self.consumers.withLock({ $0 }) { await consumer.shutdown() }
        for producer in self.producers.withLock({ $0 }) { await producer.shutdown() }
        await self.client.shutdown()
        await self.cluster.shutdown()
    }
}
