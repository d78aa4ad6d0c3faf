import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

/// The producer's route cache and retries follow 4.9.8's `DefaultMQProducerImpl`: `tryToFindTopicPublishInfo`
/// asks the NameServer again on every send while the topic has no writable queue, a route is kept until its
/// poll whatever the brokers answer, and only `retryResponseCodes` are retried.
@Suite(.timeLimit(.minutes(2))) struct ProducerRouteCacheTests {
    let logger = Logger(label: "test.producer-route")

    func producer(_ cluster: ScriptedCluster, client: RemotingClient) -> RocketMQProducer {
        var configuration = RocketMQProducerConfiguration(group: "P", nameServers: [cluster.nameServer.address])
        configuration.routeRefreshInterval = .seconds(60)
        return RocketMQProducer(configuration: configuration, client: client, logger: self.logger)
    }

    func message() -> RocketMQMessage { RocketMQMessage(topic: "T", body: ByteBuffer(string: "m")) }

    @Test func aRouteWithoutWritableQueueIsFetchedAgainOnEverySend() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            let client = RemotingClient(logger: self.logger)
            let producer = self.producer(cluster, client: client)
            cluster.setRoute("T", cluster.route(["broker-0"], perm: [.read]))
            for _ in 0..<2 {
                await #expect(throws: RocketMQClientError.self) { _ = try await producer.send(self.message()) }
            }
            #expect(cluster.arrivals(.getRouteInfoByTopic).count == 2, "each send asked the NameServer")
            cluster.setRoute("T", cluster.route(["broker-0"]))
            let result = try await producer.send(self.message())
            #expect(result.queue.brokerName == "broker-0", "writable at once, not 60 s later")
            #expect(cluster.arrivals(.getRouteInfoByTopic).count == 3)
            await producer.shutdown()
            await client.shutdown()
        }
    }

    @Test func aBrokerErrorKeepsTheRouteUntilItsPoll() async throws {
        try await ScriptedCluster.with(brokerCount: 2) { cluster in
            let client = RemotingClient(logger: self.logger)
            let producer = self.producer(cluster, client: client)
            cluster.setRoute("T", cluster.route(["broker-0", "broker-1"]))
            for broker in ["broker-0", "broker-1"] {
                cluster.script(.sendMessageV2, on: broker, [.init(code: .noPermission), .init(code: .noPermission)])
            }
            // Four refusals, then the fifth attempt (second send's third) succeeds; NO_PERMISSION is retried.
            await #expect(throws: RocketMQClientError.self) { _ = try await producer.send(self.message()) }
            _ = try await producer.send(self.message())
            #expect(cluster.arrivals(.sendMessageV2).count == 5)
            #expect(cluster.arrivals(.getRouteInfoByTopic).count == 1, "the route was not dropped after the errors")
            await producer.shutdown()
            await client.shutdown()
        }
    }

    @Test func aFailedRouteFetchKeepsTheCachedRoute() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            let client = RemotingClient(logger: self.logger)
            var configuration = RocketMQProducerConfiguration(group: "P", nameServers: [cluster.nameServer.address])
            configuration.routeRefreshInterval = .milliseconds(100)
            let producer = RocketMQProducer(configuration: configuration, client: client, logger: self.logger)
            cluster.setRoute("T", cluster.route(["broker-0"]))
            _ = try await producer.send(self.message())
            cluster.setRoute("T", nil)
            try await Task.sleep(for: .milliseconds(200))
            let result = try await producer.send(self.message())
            #expect(result.queue.brokerName == "broker-0", "the old route is used when the poll fails, as in Java")
            #expect(cluster.arrivals(.getRouteInfoByTopic).count == 2, "the stale route was asked for again")
            await producer.shutdown()
            await client.shutdown()
        }
    }

    @Test(arguments: [
        (ResponseCode.topicNotExist, 3), (.serviceNotAvailable, 3), (.systemError, 3), (.noPermission, 3),
        (.noBuyerID, 3), (.notInCurrentUnit, 3), (.systemBusy, 1), (.messageIllegal, 1),
    ] as [(ResponseCode, Int)])
    func retriesTheResponseCodesJavaRetries(code: ResponseCode, attempts: Int) async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            let client = RemotingClient(logger: self.logger)
            let producer = self.producer(cluster, client: client)
            cluster.setRoute("T", cluster.route(["broker-0"]))
            cluster.script(.sendMessageV2, on: "broker-0", Array(repeating: .init(code: code), count: 3))
            await #expect(throws: RocketMQClientError.self) { _ = try await producer.send(self.message()) }
            #expect(cluster.arrivals(.sendMessageV2).count == attempts)
            await producer.shutdown()
            await client.shutdown()
        }
    }
}
