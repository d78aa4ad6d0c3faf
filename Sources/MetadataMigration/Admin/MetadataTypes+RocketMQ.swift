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
    /// Throws when a count does not fit the wire's Java `int` (a plan built in code; files are checked on reading).
    init(_ topic: MetadataTopic) throws(MetadataMigrationError) {
        let path = "topic \(topic.topicName)"
        self.init(
            topicName: topic.topicName, readQueueNums: try Int32(checking: topic.readQueueNums, "\(path) readQueueNums"),
            writeQueueNums: try Int32(checking: topic.writeQueueNums, "\(path) writeQueueNums"),
            perm: PermName(rawValue: try Int32(checking: topic.perm, "\(path) perm")),
            topicFilterType: TopicFilterType(rawValue: topic.topicFilterType) ?? .singleTag,
            topicSysFlag: try Int32(checking: topic.topicSysFlag, "\(path) topicSysFlag"), order: topic.order,
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
    /// Throws when a number does not fit the wire's Java `int` (a plan built in code; files are checked on reading).
    init(_ group: MetadataGroup) throws(MetadataMigrationError) {
        let path = "group \(group.groupName)"
        self.init(
            groupName: group.groupName, consumeEnable: group.consumeEnable,
            consumeFromMinEnable: group.consumeFromMinEnable, consumeBroadcastEnable: group.consumeBroadcastEnable,
            retryQueueNums: try Int32(checking: group.retryQueueNums, "\(path) retryQueueNums"),
            retryMaxTimes: try Int32(checking: group.retryMaxTimes, "\(path) retryMaxTimes"),
            brokerId: Int64(group.brokerId), whichBrokerWhenConsumeSlowly: Int64(group.whichBrokerWhenConsumeSlowly),
            notifyConsumerIdsChangedEnable: group.notifyConsumerIdsChangedEnable)
        self.consumeMessageOrderly = group.consumeMessageOrderly
        if let flag = group.groupSysFlag { self.groupSysFlag = try Int32(checking: flag, "\(path) groupSysFlag") }
        if let minutes = group.consumeTimeoutMinute {
            self.consumeTimeoutMinute = try Int32(checking: minutes, "\(path) consumeTimeoutMinute")
        }
        self.attributes = group.attributes.map { OrderedMap($0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
    }
}

extension Int32 {
    /// The value as a Java `int`, or an error naming the field.
    init(checking value: Int, _ field: String) throws(MetadataMigrationError) {
        guard let exact = Int32(exactly: value) else {
            throw MetadataMigrationError(.valueOutOfRange, "\(field) is \(value), outside a Java int")
        }
        self = exact
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
            topicPerms: account.topicPerms.isEmpty ? nil : account.topicPerms,
            groupPerms: account.groupPerms.isEmpty ? nil : account.groupPerms)
    }
}
