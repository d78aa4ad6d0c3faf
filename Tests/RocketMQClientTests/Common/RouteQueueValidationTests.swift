import RocketMQClient
import RocketMQRemoting
import Testing

/// Route data is untrusted: queue counts that are negative or huge must not trap or allocate without bound.
@Suite struct RouteQueueValidationTests {
    func route(_ entries: [(String, Int32)], orderTopicConf: String? = nil) -> TopicRouteData {
        TopicRouteData(
            orderTopicConf: orderTopicConf,
            queueDatas: entries.map { QueueData(brokerName: $0.0, readQueueNums: $0.1, writeQueueNums: $0.1, perm: [.read, .write]) },
            brokerDatas: entries.map { BrokerData(cluster: "C", brokerName: $0.0, brokerAddrs: [0: "127.0.0.1:1"]) }
        )
    }

    @Test func negativeQueueCountsAreSkipped() {
        let route = self.route([("a", -1), ("b", 2)])
        #expect(route.publishQueues(topic: "T").map(\.brokerName) == ["b", "b"])
        #expect(route.subscribeQueues(topic: "T").map(\.brokerName) == ["b", "b"])
    }

    @Test func hugeQueueCountsAreSkipped() {
        let route = self.route([("a", .max), ("b", 1), ("c", TopicRouteData.maxQueuesPerRoute)])
        #expect(route.publishQueues(topic: "T").count == 1, "b's queue fits; a's and then c's would pass the bound")
        #expect(route.subscribeQueues(topic: "T").count == 1)
    }

    @Test func orderTopicConfWithBadCountsIsSkippedEntryByEntry() {
        let route = self.route([("a", 4), ("b", 4)], orderTopicConf: "a:2;b:-1;c:2147483647;d:x;e:1")
        #expect(route.publishQueues(topic: "T").map { "\($0.brokerName)\($0.queueId)" } == ["a0", "a1", "e0"])
    }
}
