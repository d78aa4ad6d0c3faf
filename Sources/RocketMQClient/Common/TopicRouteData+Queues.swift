public import RocketMQRemoting

extension TopicRouteData {
    /// The most queues the client builds from one route: per queue-data entry, per `orderTopicConf` entry
    /// and in total. Route data comes from a NameServer (or a proxy) and is untrusted; RocketMQ itself has
    /// no such limit, but its largest stock topic (`BenchmarkTest`) has 1,024 queues, so this bound only
    /// stops counts that would exhaust memory.
    public static let maxQueuesPerRoute: Int32 = 65_536

    /// The queues a producer may send to, as `MQClientInstance.topicRouteData2TopicPublishInfo` builds
    /// them: when `orderTopicConf` is set (`brokerA:4;brokerB:4`), those queues, whatever the perm;
    /// otherwise `writeQueueNums` queues of each queue data with the WRITE bit whose broker has a master.
    /// Sorted by broker name, then queue id. Entries whose count is negative, not a number or over
    /// ``maxQueuesPerRoute`` (in total) are skipped.
    public func publishQueues(topic: String) -> [MessageQueue] {
        if let conf = self.orderTopicConf, !conf.isEmpty {
            var queues = QueueListBuilder(topic: topic)
            for entry in conf.split(separator: ";") {
                let parts = entry.split(separator: ":")
                guard parts.count == 2, let count = Int32(parts[1]) else { continue }
                queues.append(brokerName: String(parts[0]), count: count)
            }
            return queues.queues
        }
        var queues = QueueListBuilder(topic: topic)
        for queueData in self.queueDatas.sorted(by: { $0.brokerName < $1.brokerName })
        where queueData.perm.isWritable && self.masterAddress(of: queueData.brokerName) != nil {
            queues.append(brokerName: queueData.brokerName, count: queueData.writeQueueNums)
        }
        return queues.queues
    }

    /// The queues a consumer may pull from (`topicRouteData2TopicSubscribeInfo`): `readQueueNums` queues of
    /// each queue data with the READ bit. Sorted like Java's `MessageQueue.compareTo`. Entries with a
    /// negative count, or over ``maxQueuesPerRoute`` in total, are skipped.
    public func subscribeQueues(topic: String) -> [MessageQueue] {
        var queues = QueueListBuilder(topic: topic)
        for queueData in self.queueDatas where queueData.perm.isReadable {
            queues.append(brokerName: queueData.brokerName, count: queueData.readQueueNums)
        }
        return queues.queues.sorted()
    }

    /// The master (broker id 0) address of `brokerName`, if the route has one.
    public func masterAddress(of brokerName: String) -> String? {
        self.brokerDatas.first { $0.brokerName == brokerName }?.masterAddress
    }

    /// Every broker address (masters and slaves) in the route.
    public var allBrokerAddresses: [String] {
        self.brokerDatas.flatMap(\.brokerAddrs.values)
    }
}

/// Builds a queue list from counts read off the wire, within ``TopicRouteData/maxQueuesPerRoute``.
private struct QueueListBuilder {
    let topic: String
    private(set) var queues: [MessageQueue] = []

    init(topic: String) {
        self.topic = topic
    }

    /// Appends queues `0..<count` of `brokerName`, unless `count` is negative or the list would outgrow the bound.
    mutating func append(brokerName: String, count: Int32) {
        guard count >= 0, count <= TopicRouteData.maxQueuesPerRoute - Int32(self.queues.count) else { return }
        self.queues += (0..<count).map { MessageQueue(topic: self.topic, brokerName: brokerName, queueId: $0) }
    }
}
