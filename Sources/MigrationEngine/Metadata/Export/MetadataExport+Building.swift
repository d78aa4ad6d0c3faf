extension MetadataExport {
    /// Merges what was read from every master of a cluster into one export, as `mqadmin exportMetadata -c`
    /// does (a topic's read/write queue counts and a group's retry queue count are summed over masters),
    /// while keeping each broker's counts, the offsets and the ACL in the Ferry section. System topics
    /// and groups, including those the brokers list as system, are dropped.
    public static func build(
        cluster: String, exportTime: Int64, brokers: [BrokerMetadata], aclAccounts: [AclAccount] = [],
        globalWhiteAddrs: [String] = [], orderTopicConfs: [String: String] = [:]
    ) -> MetadataExport {
        var topics: [String: MetadataTopic] = [:]
        var groups: [String: MetadataGroup] = [:]
        var perBrokerTopics: [String: [String: BrokerQueues]] = [:]
        var perBrokerGroups: [String: [String]] = [:]
        var offsets: [String: [String: [String: Int64]]] = [:]
        for snapshot in brokers.sorted(by: { $0.broker < $1.broker }) {
            let name = snapshot.broker.brokerName
            for topic in snapshot.topics {
                perBrokerTopics[name, default: [:]][topic.topicName] = BrokerQueues(
                    read: topic.readQueueNums, write: topic.writeQueueNums, perm: topic.perm)
                if var merged = topics[topic.topicName] {
                    merged.readQueueNums += topic.readQueueNums
                    merged.writeQueueNums += topic.writeQueueNums
                    topics[topic.topicName] = merged
                } else {
                    topics[topic.topicName] = topic
                }
            }
            for group in snapshot.groups {
                perBrokerGroups[name, default: []].append(group.groupName)
                if var merged = groups[group.groupName] {
                    merged.retryQueueNums += group.retryQueueNums
                    groups[group.groupName] = merged
                } else {
                    groups[group.groupName] = group
                }
            }
            for (key, queues) in snapshot.offsets {
                offsets[key, default: [:]][name] = Dictionary(
                    uniqueKeysWithValues: queues.map { (String($0.key), $0.value) })
            }
        }
        let ferry = FerrySection(
            sourceCluster: cluster, brokers: brokers.map(\.broker).sorted(), perBrokerTopics: perBrokerTopics,
            perBrokerGroups: perBrokerGroups.mapValues { $0.sorted() }, consumerOffsets: offsets,
            aclAccounts: aclAccounts.sorted { $0.accessKey < $1.accessKey }, globalWhiteAddrs: globalWhiteAddrs,
            orderTopicConfs: orderTopicConfs.filter { topics[$0.key] != nil })
        var export = MetadataExport(
            origin: .ferry, exportTime: exportTime, topics: topics, groups: groups, ferry: ferry)
        export.removeSystemResources(extraSystemTopics: brokers.reduce(into: []) { $0.formUnion($1.systemTopics) })
        return export
    }
}
