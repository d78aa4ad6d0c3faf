import Logging
import NIOCore
@testable import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Synchronization
import Testing

/// ``RocketMQPushConsumer/shutdown()`` while ``RocketMQPushConsumer/start()`` is still taking its queues.
@Suite(.timeLimit(.minutes(1))) struct PushConsumerShutdownTests {
    let logger = Logger.test("test.consumer-shutdown")

    @Test func aRebalanceSuspendedAcrossShutdownStartsNoPullLoop() async throws {
        let clientId = Mutex("")
        let heldOffsetQueries = Mutex<[(RemotingCommand, FakeRemotingConnection)]>([])
        let pulls = Mutex(0)
        // One fake peer plays the NameServer and the only broker; it holds QUERY_CONSUMER_OFFSET until the
        // consumer unregisters, so the answer reaches a rebalance that resumes inside shutdown().
        let addressBox = Mutex("")
        let server = try await FakeRemotingServer.start { request, connection in
            switch request.requestCode {
            case .getRouteInfoByTopic:
                let address = addressBox.withLock { $0 }
                let route = TopicRouteData(
                    queueDatas: [QueueData(brokerName: "broker-a", readQueueNums: 1, writeQueueNums: 1, perm: [.read, .write])],
                    brokerDatas: [BrokerData(cluster: "C", brokerName: "broker-a", brokerAddrs: [0: address])])
                connection.respond(to: request, body: route.byteBuffer())
            case .getConsumerListByGroup:
                let body = GetConsumerListByGroupResponseBody(consumerIdList: [clientId.withLock { $0 }])
                connection.respond(to: request, body: body.byteBuffer())
            case .queryConsumerOffset:
                heldOffsetQueries.withLock { $0.append((request, connection)) }
            case .unregisterClient:
                for (query, connection) in heldOffsetQueries.withLock({ $0 }) {
                    connection.respond(to: query, ext: ["offset": "0"])
                }
                connection.respond(to: request)
            case .pullMessage:
                pulls.withLock { $0 += 1 }
            default:
                connection.respond(to: request)
            }
        }
        addressBox.withLock { $0 = server.address }
        var configuration = RocketMQPushConsumerConfiguration(group: "G", nameServers: [server.address])
        configuration.routeRefreshInterval = .milliseconds(100)
        configuration.heartbeatInterval = .milliseconds(100)
        configuration.rebalanceInterval = .milliseconds(100)
        let consumer = RocketMQPushConsumer(configuration: configuration, logger: self.logger) { _ in }
        clientId.withLock { $0 = consumer.clientId }
        await consumer.subscribe("T")
        let starting = Task { await consumer.start() }
        for _ in 0..<500 where heldOffsetQueries.withLock({ $0.isEmpty }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!heldOffsetQueries.withLock { $0.isEmpty }, "start() asked for a queue's offset")

        await consumer.shutdown()
        await starting.value
        #expect(await consumer.assignedQueues.isEmpty, "no queue is taken after shutdown")
        try await Task.sleep(for: .milliseconds(300))
        #expect(pulls.withLock { $0 } == 0)
        await server.shutdown()
    }
}
