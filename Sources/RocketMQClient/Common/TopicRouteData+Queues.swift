public import RocketMQRemoting

extension TopicRouteData {
    /// The queues a producer may send to, as `MQClientInstance.topicRouteData2TopicPublishInfo` builds
    /// them: when `orderTopicConf` is set (`brokerA:4;brokerB:4`), those queues, whatever the perm;
    /// otherwise `writeQueueNums` queues of each queue data with the WRITE bit whose broker has a master.
    /// Sorted by broker name, then queue id.
    public func publishQueues(topic: String) -> [MessageQueue] {
        if let conf = self.orderTopicConf, !conf.isEmpty {
            var queues: [MessageQueue] = []
            for entry in conf.split(separator: ";") {
                let parts = entry.split(separator: ":")
                guard parts.count == 2, let count = Int32(parts[1]) else { continue }
                queues += (0..<count).map { MessageQueue(topic: topic, brokerName: String(parts[0]), queueId: $0) }
            }
            return queues
        }
        var queues: [MessageQueue] = []
        for queueData in self.queueDatas.sorted(by: { $0.brokerName < $1.brokerName })
        where queueData.perm.isWritable && self.masterAddress(of: queueData.brokerName) != nil {
            queues += (0..<queueData.writeQueueNums).map {
                MessageQueue(topic: topic, brokerName: queueData.brokerName, queueId: $0)
            }
        }
        return queues
    }

    /// The queues a consumer may pull from (`topicRouteData2TopicSubscribeInfo`): `readQueueNums` queues of
    /// each queue data with the READ bit. Sorted like Java's `MessageQueue.compareTo`.
    public func subscribeQueues(topic: String) -> [MessageQueue] {
        var queues: [MessageQueue] = []
        for queueData in self.queueDatas where queueData.perm.isReadable {
            queues += (0..<queueData.readQueueNums).map {
                MessageQueue(topic: topic, brokerName: queueData.brokerName, queueId: $0)
            }
        }
        return queues.sorted()
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
