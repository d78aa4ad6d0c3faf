/// A consumer group a client belongs to, in a heartbeat (`remoting/…/heartbeat/ConsumerData.java`).
public struct ConsumerData: RemotingJSONBody, Hashable {
    /// The consumer group.
    public var groupName: String
    /// Push or pull; `nil` when absent.
    public var consumeType: ConsumeType?
    /// Clustering or broadcasting; `nil` when absent.
    public var messageModel: MessageModel?
    /// Where a new group starts; `nil` when absent.
    public var consumeFromWhere: ConsumeFromWhere?
    /// The subscriptions (a Java `HashSet`, order as received).
    public var subscriptionDataSet: [SubscriptionData]
    /// Unit mode. Default false.
    public var unitMode: Bool

    /// Makes a consumer entry.
    public init(
        groupName: String,
        consumeType: ConsumeType? = .consumePassively,
        messageModel: MessageModel? = .clustering,
        consumeFromWhere: ConsumeFromWhere? = .lastOffset,
        subscriptionDataSet: [SubscriptionData] = [],
        unitMode: Bool = false
    ) {
        self.groupName = groupName
        self.consumeType = consumeType
        self.messageModel = messageModel
        self.consumeFromWhere = consumeFromWhere
        self.subscriptionDataSet = subscriptionDataSet
        self.unitMode = unitMode
    }

    /// Reads a ConsumerData object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ConsumerData")
        self.groupName = try reader.required("groupName") { v throws(RemotingError) in try v.string() }
        self.consumeType = try reader.string("consumeType").map(ConsumeType.init(rawValue:))
        self.messageModel = try reader.string("messageModel").map(MessageModel.init(rawValue:))
        self.consumeFromWhere = try reader.string("consumeFromWhere").map(ConsumeFromWhere.init(rawValue:))
        self.subscriptionDataSet = try reader.array("subscriptionDataSet", of: SubscriptionData.self) ?? []
        self.unitMode = try reader.bool("unitMode") ?? false
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("consumeFromWhere", consumeFromWhere.map { .string($0.rawValue) })
        writer.set("consumeType", consumeType.map { .string($0.rawValue) })
        writer.set("groupName", .string(groupName))
        writer.set("messageModel", messageModel.map { .string($0.rawValue) })
        writer.set("subscriptionDataSet", .array(subscriptionDataSet.map(\.json)))
        writer.set("unitMode", .bool(unitMode))
        return writer.json
    }
}
