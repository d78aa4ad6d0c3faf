public import RocketMQClient
public import RocketMQRemoting

/// A ``TrafficClusterReader`` over a live cluster, through ``RocketMQAdmin`` (NameServer failover and timeouts
/// included).
///
/// Groups of a topic come from QUERY_TOPIC_CONSUME_BY_WHO (300) on each master broker of the topic's route:
/// the broker answers with the groups whose online consumers subscribe to the topic and the groups with a
/// committed offset for it, so a group whose consumers are down at create time is still found. Subscription
/// group configs cannot be used (they do not name topics) and consumer connection lists see online groups only.
public struct RocketMQTrafficClusterReader: TrafficClusterReader {
    /// The admin used for every call.
    public let admin: RocketMQAdmin

    /// A reader over `admin`.
    public init(admin: RocketMQAdmin) {
        self.admin = admin
    }

    public func topicNames() async throws -> [String] {
        let info = try await self.admin.clusterInfo()
        let topics = try await self.admin.topicList().topicList
        return Set(topics).filter {
            !SystemResources.isSystemTopic(
                $0, clusterNames: info.clusterAddrTable.keys, brokerNames: info.brokerAddrTable.keys)
        }.sorted()
    }

    public func route(_ topic: String) async throws -> TopicRouteData? {
        do {
            return try await self.admin.topicRoute(topic)
        } catch let error as RocketMQClientError
            where error.code == .responseError && error.responseCode == Int(ResponseCode.topicNotExist.rawValue)
        {
            return nil
        }
    }

    public func orderedTopics() async throws -> Set<String> {
        // 4.9.8 keeps `updateTopic -o true` in the NameServer's ORDER_TOPIC_CONFIG (brokers copy it into their
        // topic configs when they next register): both say ordered.
        var ordered = Set(try await self.admin.kvList(namespace: RocketMQAdmin.orderTopicConfigNamespace).keys)
        for broker in try await self.admin.clusterInfo().brokerAddrTable.values {
            guard let master = broker.masterAddress else { continue }
            for (name, config) in try await self.admin.allTopicConfigs(broker: master).topicConfigTable where config.order {
                ordered.insert(name)
            }
        }
        return ordered
    }

    public func groupsConsuming(_ topic: String) async throws -> [String] {
        guard let route = try await self.route(topic) else { return [] }
        var groups = Set<String>()
        for master in route.brokerDatas.compactMap(\.masterAddress) {
            groups.formUnion(try await self.admin.groupsConsuming(topic, broker: master))
        }
        return groups.filter { !SystemResources.isSystemGroup($0) }.sorted()
    }

    public func maxOffsetTotal(_ topic: String) async throws -> Int64 {
        guard let route = try await self.route(topic) else { return 0 }
        var total: Int64 = 0
        for master in route.brokerDatas.compactMap(\.masterAddress) {
            for offset in try await self.admin.topicStats(topic, broker: master).offsetTable.values {
                let (sum, overflow) = total.addingReportingOverflow(max(0, offset.maxOffset))
                total = overflow ? .max : sum
            }
        }
        return total
    }

    public func brokerNames() async throws -> Set<String> {
        Set(try await self.admin.clusterInfo().brokerAddrTable.keys)
    }
}
