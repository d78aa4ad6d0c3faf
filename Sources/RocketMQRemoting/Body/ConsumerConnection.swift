/// The consumers of a group connected to a broker and what they subscribe: the body of
/// GET_CONSUMER_CONNECTION_LIST (203) (`remoting/…/body/ConsumerConnection.java`).
public struct ConsumerConnection: RemotingJSONBody, Hashable {
    /// The connections (a Java `HashSet`, order as received).
    public var connectionSet: [Connection]
    /// Topic → subscription, in the broker's order.
    public var subscriptionTable: OrderedMap<String, SubscriptionData>
    /// Push or pull; `nil` when the broker has none.
    public var consumeType: ConsumeType?
    /// Clustering or broadcasting; `nil` when the broker has none.
    public var messageModel: MessageModel?
    /// Where a new group starts; `nil` when the broker has none.
    public var consumeFromWhere: ConsumeFromWhere?

    /// Makes a consumer connection list.
    public init(
        connectionSet: [Connection] = [],
        subscriptionTable: OrderedMap<String, SubscriptionData> = [:],
        consumeType: ConsumeType? = nil,
        messageModel: MessageModel? = nil,
        consumeFromWhere: ConsumeFromWhere? = nil
    ) {
        self.connectionSet = connectionSet
        self.subscriptionTable = subscriptionTable
        self.consumeType = consumeType
        self.messageModel = messageModel
        self.consumeFromWhere = consumeFromWhere
    }

    /// Reads a ConsumerConnection object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ConsumerConnection")
        self.connectionSet = try reader.array("connectionSet", of: Connection.self) ?? []
        self.subscriptionTable = try reader.map("subscriptionTable", key: BodyKey.string) { v throws(RemotingError) in
            try SubscriptionData(json: v)
        } ?? [:]
        self.consumeType = try reader.string("consumeType").map(ConsumeType.init(rawValue:))
        self.messageModel = try reader.string("messageModel").map(MessageModel.init(rawValue:))
        self.consumeFromWhere = try reader.string("consumeFromWhere").map(ConsumeFromWhere.init(rawValue:))
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("connectionSet", .array(connectionSet.map(\.json)))
        writer.set("consumeFromWhere", consumeFromWhere.map { .string($0.rawValue) })
        writer.set("consumeType", consumeType.map { .string($0.rawValue) })
        writer.set("messageModel", messageModel.map { .string($0.rawValue) })
        writer.set("subscriptionTable", BodyWriter.map(subscriptionTable) { $0.json })
        return writer.json
    }
}
