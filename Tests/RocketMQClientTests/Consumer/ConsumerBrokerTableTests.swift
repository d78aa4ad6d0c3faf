import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

/// Broker addresses are client-wide, as in Java's `MQClientInstance.brokerAddrTable` (pruned every 30 s by
/// `cleanOfflineBroker`), and a topic without readable queues keeps its assignment (`RebalanceImpl`).
@Suite(.timeLimit(.minutes(2))) struct ConsumerBrokerTableTests {
    let logger = Logger(label: "test.consumer-brokers")

    @Test func theFinalCommitReachesABrokerTheRouteDropped() async throws {
        try await ScriptedCluster.with(brokerCount: 2) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0", "broker-1"]))
            let gone = MessageQueue(topic: "T", brokerName: "broker-1", queueId: 0)
            cluster.commit(gone, 5)
            cluster.script(.pullMessage, on: "broker-1", [.init(code: .pullNotFound, ext: ["nextBeginOffset": "9"])])
            let consumer = RocketMQPushConsumer(configuration: cluster.consumerConfiguration(), logger: self.logger) { _ in }
            await consumer.subscribe("T")
            await consumer.start()
            let pulledAt9 = await cluster.eventually {
                cluster.arrivals(.pullMessage).contains { $0.server == "broker-1" && $0.request.ext("queueOffset") == "9" }
            }
            #expect(pulledAt9, "the consumer owns broker-1's queue and consumed up to 9")

            cluster.setRoute("T", cluster.route(["broker-0"]))
            let released = await cluster.eventually { await !consumer.assignedQueues.contains(gone) }
            #expect(released)
            let committed = await cluster.eventually(seconds: 3) {
                cluster.arrivals(.updateConsumerOffset).contains {
                    $0.server == "broker-1" && $0.request.ext("commitOffset") == "9"
                }
            }
            #expect(committed, "the release commit still reached broker-1")
            await consumer.shutdown()
        }
    }

    @Test func noReadableQueueKeepsTheAssignmentAndThePulls() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"], queues: 2))
            let consumer = RocketMQPushConsumer(configuration: cluster.consumerConfiguration(), logger: self.logger) { _ in }
            await consumer.subscribe("T")
            await consumer.start()
            let assigned = await cluster.eventually { await consumer.assignedQueues.filter { $0.topic == "T" }.count == 2 }
            #expect(assigned)

            cluster.setRoute("T", cluster.route(["broker-0"], queues: 2, perm: [.write]))
            let routeQueries = cluster.arrivals(.getRouteInfoByTopic).count
            _ = await cluster.eventually { cluster.arrivals(.getRouteInfoByTopic).count >= routeQueries + 4 }
            try await Task.sleep(for: .milliseconds(600))
            let pulls = cluster.arrivals(.pullMessage).count
            #expect(await consumer.assignedQueues.filter { $0.topic == "T" }.count == 2, "Java's rebalance changes nothing")
            let pulling = await cluster.eventually(seconds: 3) { cluster.arrivals(.pullMessage).count > pulls }
            #expect(pulling, "the consumer keeps pulling")
            await consumer.shutdown()
        }
    }
}
