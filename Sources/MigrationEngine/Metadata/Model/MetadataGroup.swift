/// A consumer group as `mqadmin exportMetadata` writes it in `subscriptionGroupTable` (RocketMQ's
/// `SubscriptionGroupConfig` JSON). The 5.x-only fields are optional and omitted when absent.
///
/// This is the export and plan files' type; RocketMQRemoting's `SubscriptionGroupConfig` is the wire body. They
/// carry the same fields under the same names (a test compares their stored properties and round-trips real
/// broker bodies through the export file), but differ where a document and a wire body must:
/// * numbers are Swift `Int`, checked against their Java range when a file is read (`FieldChecker`, with the
///   key path), so merging and planning arithmetic never traps; the wire side keeps Java's widths;
/// * every 4.x field is required in a file, as mqadmin writes them all, where the wire reader takes Java's
///   defaults for absent fields;
/// * the 5.x retry policy and subscriptions are typed and checked here, raw JSON on the wire side.
///
/// The conversion between the two is in one place: MetadataMigration's `MetadataTypes+RocketMQ.swift`.
public struct MetadataGroup: Sendable, Codable, Hashable {
    /// The group's full name, namespace prefix included.
    public var groupName: String
    /// Whether consumption is enabled.
    public var consumeEnable: Bool
    /// Whether the group may consume from the minimum offset.
    public var consumeFromMinEnable: Bool
    /// Whether broadcast consumption is allowed.
    public var consumeBroadcastEnable: Bool
    /// Retry queue count (summed over masters in an mqadmin cluster-mode file). Default 1.
    public var retryQueueNums: Int
    /// Maximum redeliveries before the dead-letter queue. Default 16.
    public var retryMaxTimes: Int
    /// Which broker id consumers pull from. Default 0 (the master).
    public var brokerId: Int
    /// Which broker id to pull from when consumption is slow. Default 1.
    public var whichBrokerWhenConsumeSlowly: Int
    /// Whether clients are told when the group's members change.
    public var notifyConsumerIdsChangedEnable: Bool
    /// 5.x: orderly consumption.
    public var consumeMessageOrderly: Bool?
    /// 5.x: the group's system flag bits.
    public var groupSysFlag: Int?
    /// 5.x: the consume timeout in minutes (default 15).
    public var consumeTimeoutMinute: Int?
    /// 5.x: the retry policy.
    public var groupRetryPolicy: GroupRetryPolicy?
    /// 5.x/HEAD: group attributes.
    public var attributes: [String: String]?
    /// HEAD: the topics the group subscribes to (`subscriptionDataSet`).
    public var subscriptionDataSet: [SimpleSubscription]?

    /// A group with RocketMQ's defaults for the fields not given.
    public init(
        groupName: String, consumeEnable: Bool = true, consumeFromMinEnable: Bool = true,
        consumeBroadcastEnable: Bool = true, retryQueueNums: Int = 1, retryMaxTimes: Int = 16,
        brokerId: Int = 0, whichBrokerWhenConsumeSlowly: Int = 1, notifyConsumerIdsChangedEnable: Bool = true
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

    /// Whether two copies of a group carry the same settings (the name is not compared).
    public func sameSettings(as other: MetadataGroup) -> Bool {
        var renamed = other
        renamed.groupName = self.groupName
        return renamed == self
    }
}
