import RocketMQRemoting

extension MetadataExport {
    /// Drops RocketMQ's own topics and groups (ROCKETMQ-FACTS §1.9: the fixed set, `rmq_sys_*`,
    /// retry/DLQ/LMQ topics, cluster- and broker-named topics, `CID_RMQ_SYS_*` and the predefined
    /// groups), everywhere they appear, including the Ferry section.
    mutating func removeSystemResources(extraSystemTopics: Set<String> = []) {
        let clusters = self.ferry.map { [$0.sourceCluster] } ?? []
        let brokers = self.ferry?.brokers.map(\.brokerName) ?? []
        let isUserTopic = { (name: String) in
            !extraSystemTopics.contains(name)
                && !SystemResources.isSystemTopic(name, clusterNames: clusters, brokerNames: brokers)
        }
        let isUserGroup = { (name: String) in !SystemResources.isSystemGroup(name) }
        self.topics = self.topics.filter { isUserTopic($0.key) }
        self.groups = self.groups.filter { isUserGroup($0.key) }
        guard var ferry = self.ferry else { return }
        ferry.perBrokerTopics = ferry.perBrokerTopics.mapValues { $0.filter { isUserTopic($0.key) } }
        ferry.perBrokerGroups = ferry.perBrokerGroups.mapValues { $0.filter(isUserGroup) }
        ferry.consumerOffsets = ferry.consumerOffsets.filter { key, _ in
            guard let (topic, group) = OffsetKey.split(key) else { return false }
            return isUserTopic(topic) && isUserGroup(group)
        }
        ferry.orderTopicConfs = ferry.orderTopicConfs?.filter { isUserTopic($0.key) }
        self.ferry = ferry
    }
}
