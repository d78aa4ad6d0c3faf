/// A consumer group's configuration on one broker
/// (`remoting/…/subscription/SubscriptionGroupConfig.java`, `common/…/subscription/` in 4.x).
///
/// 4.9.8 writes nine fields; 5.x adds `consumeMessageOrderly`, `groupRetryPolicy`, `groupSysFlag`,
/// `consumeTimeoutMinute`, and HEAD `subscriptionDataSet` and `attributes`. Those later fields are `nil`
/// when absent and then not written, so a 4.x body re-encodes unchanged.
public struct SubscriptionGroupConfig: RemotingJSONBody, Hashable {
    /// The group name (required).
    public var groupName: String
    /// Whether the group may consume. Default true.
    public var consumeEnable: Bool
    /// Whether a new group starts from the minimum offset. Default true.
    public var consumeFromMinEnable: Bool
    /// Whether broadcast consumption is allowed. Default true.
    public var consumeBroadcastEnable: Bool
    /// Retry queues. Default 1.
    public var retryQueueNums: Int32
    /// Redeliveries before the dead-letter queue. Default 16.
    public var retryMaxTimes: Int32
    /// The broker id consumers pull from. Default 0 (master).
    public var brokerId: Int64
    /// The broker id to pull from when the master is slow. Default 1.
    public var whichBrokerWhenConsumeSlowly: Int64
    /// Whether clients are told when the group's members change. Default true.
    public var notifyConsumerIdsChangedEnable: Bool
    /// 5.x: orderly consumption (Java default false); `nil` when absent.
    public var consumeMessageOrderly: Bool?
    /// 5.x: the retry policy `{type, customizedRetryPolicy?, exponentialRetryPolicy?}`, kept as raw JSON.
    public var groupRetryPolicy: RemotingJSON?
    /// 5.x: group system flag (Java default 0); `nil` when absent.
    public var groupSysFlag: Int32?
    /// 5.x: consume timeout in minutes (Java default 15); `nil` when absent.
    public var consumeTimeoutMinute: Int32?
    /// HEAD: simple subscription data, kept as raw JSON; `nil` when absent.
    public var subscriptionDataSet: RemotingJSON?
    /// HEAD: group attributes; `nil` when absent.
    public var attributes: OrderedMap<String, String>?

    /// Makes a group config with Java's (4.x) defaults.
    public init(
        groupName: String,
        consumeEnable: Bool = true,
        consumeFromMinEnable: Bool = true,
        consumeBroadcastEnable: Bool = true,
        retryQueueNums: Int32 = 1,
        retryMaxTimes: Int32 = 16,
        brokerId: Int64 = 0,
        whichBrokerWhenConsumeSlowly: Int64 = 1,
        notifyConsumerIdsChangedEnable: Bool = true
    ) {
        self.groupName = groupName
        self.consumeEnable = consumeEnable
        self.consumeFromMinEnable = consumeFromMinEnable
        self.consumeBroadcastEnable = consumeBroadcastEnable
        self.retryQueueNums = retryQueueNums
        self.retryMaxTimes = retryMaxTimes
        self.brokerId = brokerId
        self.whichBrokerWhenConsumeSlowly = whichBrokerWhenConsumeSlowly
        self.notifyConsumerIdsChangedEnable = notifyConsumerIdsChangedEnable
    }

    /// Reads a SubscriptionGroupConfig object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "SubscriptionGroupConfig")
        self.groupName = try reader.required("groupName") { v throws(RemotingError) in try v.string() }
        self.consumeEnable = try reader.bool("consumeEnable") ?? true
        self.consumeFromMinEnable = try reader.bool("consumeFromMinEnable") ?? true
        self.consumeBroadcastEnable = try reader.bool("consumeBroadcastEnable") ?? true
        self.retryQueueNums = try reader.int32("retryQueueNums") ?? 1
        self.retryMaxTimes = try reader.int32("retryMaxTimes") ?? 16
        self.brokerId = try reader.int64("brokerId") ?? 0
        self.whichBrokerWhenConsumeSlowly = try reader.int64("whichBrokerWhenConsumeSlowly") ?? 1
        self.notifyConsumerIdsChangedEnable = try reader.bool("notifyConsumerIdsChangedEnable") ?? true
        self.consumeMessageOrderly = try reader.bool("consumeMessageOrderly")
        self.groupRetryPolicy = try reader.optional("groupRetryPolicy") { $0 }
        self.groupSysFlag = try reader.int32("groupSysFlag")
        self.consumeTimeoutMinute = try reader.int32("consumeTimeoutMinute")
        self.subscriptionDataSet = try reader.optional("subscriptionDataSet") { $0 }
        self.attributes = try reader.map("attributes", key: BodyKey.string) { v throws(RemotingError) in try v.string() }
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("attributes", attributes.map { BodyWriter.map($0) { .string($0) } })
        writer.set("brokerId", .integer(brokerId))
        writer.set("consumeBroadcastEnable", .bool(consumeBroadcastEnable))
        writer.set("consumeEnable", .bool(consumeEnable))
        writer.set("consumeFromMinEnable", .bool(consumeFromMinEnable))
        writer.set("consumeMessageOrderly", consumeMessageOrderly.map { .bool($0) })
        writer.set("consumeTimeoutMinute", consumeTimeoutMinute.map { .integer(Int64($0)) })
        writer.set("groupName", .string(groupName))
        writer.set("groupRetryPolicy", groupRetryPolicy)
        writer.set("groupSysFlag", groupSysFlag.map { .integer(Int64($0)) })
        writer.set("notifyConsumerIdsChangedEnable", .bool(notifyConsumerIdsChangedEnable))
        writer.set("retryMaxTimes", .integer(Int64(retryMaxTimes)))
        writer.set("retryQueueNums", .integer(Int64(retryQueueNums)))
        writer.set("subscriptionDataSet", subscriptionDataSet)
        writer.set("whichBrokerWhenConsumeSlowly", .integer(whichBrokerWhenConsumeSlowly))
        return writer.json
    }
}
