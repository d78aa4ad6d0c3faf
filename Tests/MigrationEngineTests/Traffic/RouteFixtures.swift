import MigrationEngine
import RocketMQRemoting

/// Routes for the traffic tests, and the Java client's reading of a route
/// (`MQClientInstance.topicRouteData2TopicPublishInfo` / `topicRouteData2TopicSubscribeInfo`).
enum RouteFixtures {
    static func route(
        cluster: String, brokers: [String], perm: PermName = [.read, .write], queues: Int32 = 4,
        orderTopicConf: String? = nil
    ) -> TopicRouteData {
        TopicRouteData(
            orderTopicConf: orderTopicConf,
            queueDatas: brokers.map {
                QueueData(brokerName: $0, readQueueNums: queues, writeQueueNums: queues, perm: perm)
            },
            brokerDatas: brokers.enumerated().map { index, name in
                BrokerData(cluster: cluster, brokerName: name, brokerAddrs: [0: "10.0.\(cluster.count).\(index):10911"])
            })
    }

    static let source = route(cluster: "src", brokers: ["src-a", "src-b"])
    static let target = route(cluster: "tgt", brokers: ["tgt-a"])

    /// The clusters a producer holding `route` writes to, telling the sides apart by broker name.
    static func producerSides(_ route: TopicRouteData?, sourceBrokers: Set<String>) -> Set<ClusterSide> {
        guard let route else { return [] }
        let side = { (broker: String) in sourceBrokers.contains(broker) ? ClusterSide.source : .target }
        if let conf = route.orderTopicConf, !conf.isEmpty {
            return Set(conf.split(separator: ";").compactMap { entry -> ClusterSide? in
                let parts = entry.split(separator: ":")
                guard parts.count == 2, let count = Int(parts[1]), count > 0 else { return nil }
                return side(String(parts[0]))
            })
        }
        let masters = Set(route.brokerDatas.filter { $0.masterAddress != nil }.map(\.brokerName))
        return Set(route.queueDatas.filter {
            $0.perm.isWritable && $0.writeQueueNums > 0 && masters.contains($0.brokerName)
        }.map { side($0.brokerName) })
    }

    /// The clusters a consumer holding `route` reads from.
    static func consumerSides(_ route: TopicRouteData?, sourceBrokers: Set<String>) -> Set<ClusterSide> {
        guard let route else { return [] }
        return Set(route.queueDatas.filter { $0.perm.isReadable && $0.readQueueNums > 0 }.map {
            sourceBrokers.contains($0.brokerName) ? ClusterSide.source : .target
        })
    }
}
