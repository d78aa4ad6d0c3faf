import Foundation
import MigrationEngine
import RocketMQRemoting

// The one place where Ferry's file types (MigrationEngine: MetadataTopic, MetadataGroup, AclAccount; the
// export and plan documents) and the wire bodies (RocketMQRemoting: TopicConfig, SubscriptionGroupConfig,
// PlainAccessConfig) are converted. The fields and their names are the same (WireShapeDriftTests holds them
// so); the file side has Swift `Int`s checked on reading and typed 5.x retry policies and subscriptions, the
// wire side Java's widths, enums and raw JSON. No field is dropped either way: what cannot be carried is an
// error naming the field.

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
            topicFilterType: try TopicFilterType(checking: topic.topicFilterType, "\(path) topicFilterType"),
            topicSysFlag: try Int32(checking: topic.topicSysFlag, "\(path) topicSysFlag"), order: topic.order,
            attributes: topic.attributes.map { OrderedMap($0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) })
    }
}

extension MetadataGroup {
    /// Throws when a 5.x retry policy or subscription set is not RocketMQ's shape.
    init(_ config: SubscriptionGroupConfig) throws(MetadataMigrationError) {
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
        let path = "group \(config.groupName)"
        self.groupRetryPolicy = try config.groupRetryPolicy?.decoded(as: GroupRetryPolicy.self, "\(path) groupRetryPolicy")
        self.subscriptionDataSet = try config.subscriptionDataSet?.decoded(
            as: [SimpleSubscription].self, "\(path) subscriptionDataSet")
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
        self.groupRetryPolicy = try group.groupRetryPolicy.map { v throws(MetadataMigrationError) in
            try RemotingJSON(encoding: v, "\(path) groupRetryPolicy")
        }
        self.subscriptionDataSet = try group.subscriptionDataSet.map { v throws(MetadataMigrationError) in
            try RemotingJSON(encoding: v, "\(path) subscriptionDataSet")
        }
    }
}

extension TopicFilterType {
    /// The filter type of that name, or an error naming the field (files are checked on reading).
    init(checking name: String, _ field: String) throws(MetadataMigrationError) {
        guard let type = TopicFilterType(rawValue: name) else {
            throw MetadataMigrationError(.unsupportedValue, "\(field) is not SINGLE_TAG or MULTI_TAG")
        }
        self = type
    }
}

extension RemotingJSON {
    /// A file type read from a raw wire field, through its standard JSON text.
    func decoded<T: Decodable>(as type: T.Type, _ field: String) throws(MetadataMigrationError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(self.text(dialect: .standard).utf8))
        } catch {
            throw MetadataMigrationError(.unsupportedValue, "\(field) is not RocketMQ's shape", underlying: error)
        }
    }

    /// A file type as a raw wire field, keys sorted as fastjson writes them.
    init(encoding value: some Encodable, _ field: String) throws(MetadataMigrationError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try self.init(parsing: [UInt8](try encoder.encode(value)))
        } catch {
            throw MetadataMigrationError(.unsupportedValue, "\(field) cannot be written as JSON", underlying: error)
        }
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
