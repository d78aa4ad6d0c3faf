import MigrationEngine
import RocketMQRemoting

// Conversions between Ferry's file-format types (MigrationEngine, Codable) and the wire bodies
// (RocketMQRemoting). The fields are the same; the wire side uses Java's integer widths.

extension MetadataTopic {
    init(_ config: TopicConfig) {
        self.init(
            topicName: config.topicName, readQueueNums: Int(config.readQueueNums),
            writeQueueNums: Int(config.writeQueueNums), perm: Int(config.perm.rawValue),
            topicFilterType: config.topicFilterType.rawValue, topicSysFlag: Int(config.topicSysFlag),
            order: config.order, attributes: config.attributes?.dictionary)
    }
}

extension TopicConfig {
    init(_ topic: MetadataTopic) {
        self.init(
            topicName: topic.topicName, readQueueNums: Int32(topic.readQueueNums),
            writeQueueNums: Int32(topic.writeQueueNums), perm: PermName(rawValue: Int32(topic.perm)),
            topicFilterType: TopicFilterType(rawValue: topic.topicFilterType) ?? .singleTag,
            topicSysFlag: Int32(topic.topicSysFlag), order: topic.order,
            attributes: topic.attributes.map { OrderedMap($0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) })
    }
}

extension MetadataGroup {
    init(_ config: SubscriptionGroupConfig) {
        self.init(
            groupName: config.groupName, consumeEnable: config.consumeEnable,
            consumeFromMinEnable: config.consumeFromMinEnable, consumeBroadcastEnable: config.consumeBroadcastEnable,
            retryQueueNums: Int(config.retryQueueNums), retryMaxTimes: Int(config.retryMaxTimes),
            brokerId: Int(config.brokerId), whichBrokerWhenConsumeSlowly: Int(config.whichBrokerWhenConsumeSlowly),
            notifyConsumerIdsChangedEnable: config.notifyConsumerIdsChangedEnable)
        self.consumeMessageOrderly = config.consumeMessageOrderly
        self.groupSysFlag = config.groupSysFlag.map(Int.init)
        self.consumeTimeoutMinute = config.consumeTimeoutMinute.map(Int.init)
        self.attributes = config.attributes?.dictionary
    }
}

extension SubscriptionGroupConfig {
    init(_ group: MetadataGroup) {
        self.init(
            groupName: group.groupName, consumeEnable: group.consumeEnable,
            consumeFromMinEnable: group.consumeFromMinEnable, consumeBroadcastEnable: group.consumeBroadcastEnable,
            retryQueueNums: Int32(group.retryQueueNums), retryMaxTimes: Int32(group.retryMaxTimes),
            brokerId: Int64(group.brokerId), whichBrokerWhenConsumeSlowly: Int64(group.whichBrokerWhenConsumeSlowly),
            notifyConsumerIdsChangedEnable: group.notifyConsumerIdsChangedEnable)
        self.consumeMessageOrderly = group.consumeMessageOrderly
        self.groupSysFlag = group.groupSysFlag.map(Int32.init)
        self.consumeTimeoutMinute = group.consumeTimeoutMinute.map(Int32.init)
        self.attributes = group.attributes.map { OrderedMap($0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
    }
}

extension AclAccount {
    /// nil for an entry without an access key.
    init?(_ config: PlainAccessConfig) {
        guard let accessKey = config.accessKey else { return nil }
        self.init(
            accessKey: accessKey, secretKey: config.secretKey ?? "", whiteRemoteAddress: config.whiteRemoteAddress,
            admin: config.admin, defaultTopicPerm: config.defaultTopicPerm, defaultGroupPerm: config.defaultGroupPerm,
            topicPerms: config.topicPerms ?? [], groupPerms: config.groupPerms ?? [])
    }
}

extension PlainAccessConfig {
    init(_ account: AclAccount) {
        self.init(
            accessKey: account.accessKey, secretKey: account.secretKey, whiteRemoteAddress: account.whiteRemoteAddress,
            admin: account.admin, defaultTopicPerm: account.defaultTopicPerm, defaultGroupPerm: account.defaultGroupPerm,
            topicPerms: account.topicPerms, groupPerms: account.groupPerms)
    }
}
