import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

/// Start offsets follow 4.9.8's `RebalancePushImpl.computePullFromWhere`, and OFFSET_ILLEGAL drops the queue,
/// commits the corrected offset later and takes the queue back (`DefaultMQPushConsumerImpl.pullMessage`).
@Suite(.timeLimit(.minutes(2))) struct ConsumerStartOffsetTests {
    let logger = Logger(label: "test.consumer-start-offset")

    /// The offsets of the pulls of `topic` so far, in order.
    func pullOffsets(_ cluster: ScriptedCluster, topic: String) -> [String] {
        cluster.arrivals(.pullMessage).filter { $0.request.ext("topic") == topic }.compactMap { $0.request.ext("queueOffset") }
    }

    func start(
        _ cluster: ScriptedCluster, from: ConsumeFromWhere, timestamp: Int64? = nil
    ) async -> RocketMQPushConsumer {
        var configuration = cluster.consumerConfiguration()
        configuration.consumeFromWhere = from
        if let timestamp { configuration.consumeTimestamp = timestamp }
        let consumer = RocketMQPushConsumer(configuration: configuration, logger: self.logger) { _ in }
        await consumer.subscribe("T")
        await consumer.start()
        return consumer
    }

    @Test func anyBrokerErrorOnTheCommittedOffsetStartsAtTheMaxOffset() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            cluster.script(.queryConsumerOffset, on: "broker-0", Array(repeating: .init(code: .systemError), count: 100))
            let consumer = await self.start(cluster, from: .lastOffset)
            let pulled = await cluster.eventually { !self.pullOffsets(cluster, topic: "T").isEmpty }
            #expect(pulled)
            #expect(self.pullOffsets(cluster, topic: "T").first == "\(cluster.maxOffset)")
            await consumer.shutdown()
        }
    }

    @Test func consumeFromTimestampSearchesByTimeAndRetryTopicsStartAtTheEnd() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            cluster.setRoute("%RETRY%G", cluster.route(["broker-0"]))
            let consumer = await self.start(cluster, from: .timestamp, timestamp: 1_700_000_000_000)
            let pulled = await cluster.eventually {
                !self.pullOffsets(cluster, topic: "T").isEmpty && !self.pullOffsets(cluster, topic: "%RETRY%G").isEmpty
            }
            #expect(pulled)
            let searches = cluster.arrivals(.searchOffsetByTimestamp)
            #expect(searches.map { $0.request.ext("topic") } == ["T"])
            #expect(searches.first?.request.ext("timestamp") == "1700000000000")
            #expect(self.pullOffsets(cluster, topic: "T").first == "\(cluster.searchOffset)")
            #expect(self.pullOffsets(cluster, topic: "%RETRY%G").first == "\(cluster.maxOffset)")
            await consumer.shutdown()
        }
    }

    @Test func consumeFromLastOffsetStartsRetryTopicsAtZero() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            cluster.setRoute("%RETRY%G", cluster.route(["broker-0"]))
            let consumer = await self.start(cluster, from: .lastOffset)
            let pulled = await cluster.eventually {
                !self.pullOffsets(cluster, topic: "T").isEmpty && !self.pullOffsets(cluster, topic: "%RETRY%G").isEmpty
            }
            #expect(pulled)
            #expect(self.pullOffsets(cluster, topic: "T").first == "\(cluster.maxOffset)")
            #expect(self.pullOffsets(cluster, topic: "%RETRY%G").first == "0")
            await consumer.shutdown()
        }
    }

    @Test func offsetIllegalDropsTheQueueCommitsTheFixAndTakesTheQueueBack() async throws {
        try await ScriptedCluster.with(brokerCount: 1) { cluster in
            cluster.setRoute("T", cluster.route(["broker-0"]))
            let queue = MessageQueue(topic: "T", brokerName: "broker-0", queueId: 0)
            cluster.commit(queue, 5)
            cluster.script(.pullMessage, on: "broker-0", [.init(code: .pullOffsetMoved, ext: ["nextBeginOffset": "42"])])
            var configuration = cluster.consumerConfiguration()
            configuration.offsetIllegalFixDelay = .milliseconds(800)
            let consumer = RocketMQPushConsumer(configuration: configuration, logger: self.logger) { _ in }
            await consumer.subscribe("T")
            await consumer.start()
            let resumed = await cluster.eventually { self.pullOffsets(cluster, topic: "T").contains("42") }
            #expect(resumed)
            #expect(self.pullOffsets(cluster, topic: "T").prefix(2) == ["5", "42"])
            // Order of events on the broker after the illegal offset: commit 42, query the offset, pull from 42.
            let events = cluster.arrivals.filter { $0.request.ext("topic") == "T" }
                .compactMap { arrival -> String? in
                    switch arrival.request.requestCode {
                    case .updateConsumerOffset: "commit \(arrival.request.ext("commitOffset") ?? "")"
                    case .queryConsumerOffset: "query"
                    case .pullMessage: "pull \(arrival.request.ext("queueOffset") ?? "")"
                    default: nil
                    }
                }
            #expect(Array(events.prefix(5)) == ["query", "pull 5", "commit 42", "query", "pull 42"])
            await consumer.shutdown()
        }
    }
}
