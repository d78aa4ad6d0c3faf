/// QUERY_CONSUMER_OFFSET (14) request header (`QueryConsumerOffsetRequestHeader.java`).
public struct QueryConsumerOffsetRequestHeader: CommandCustomHeader, Hashable {
    /// The consumer group.
    public var consumerGroup: String
    /// The topic.
    public var topic: String
    /// The queue.
    public var queueId: Int32
    /// 4.9.x `setZeroIfNotFound`; nil leaves it out.
    public var setZeroIfNotFound: Bool?
    /// `bname`: the broker the client addressed (sent by 4.9.4+ clients); nil leaves it out.
    public var brokerName: String?

    /// Creates a header.
    public init(
        consumerGroup: String, topic: String, queueId: Int32, setZeroIfNotFound: Bool? = nil, brokerName: String? = nil
    ) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.setZeroIfNotFound = setZeroIfNotFound
        self.brokerName = brokerName
    }

    /// Reads the fields.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.consumerGroup = try ext.required("consumerGroup")
        self.topic = try ext.required("topic")
        self.queueId = try ext.required("queueId", as: Int32.self)
        self.setZeroIfNotFound = ext.optionalBool("setZeroIfNotFound")
        self.brokerName = ext["bname"]
    }

    /// The fields in Java's declaration order, then `bname`.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = [
            "consumerGroup": self.consumerGroup, "topic": self.topic, "queueId": String(self.queueId),
        ]
        fields.set("setZeroIfNotFound", self.setZeroIfNotFound)
        fields.set("bname", self.brokerName)
        return fields
    }
}

/// UPDATE_CONSUMER_OFFSET (15) request header (`UpdateConsumerOffsetRequestHeader.java`).
public struct UpdateConsumerOffsetRequestHeader: CommandCustomHeader, Hashable {
    /// The consumer group.
    public var consumerGroup: String
    /// The topic.
    public var topic: String
    /// The queue.
    public var queueId: Int32
    /// The offset to commit.
    public var commitOffset: Int64
    /// `bname`: the broker the client addressed (sent by 4.9.4+ clients); nil leaves it out.
    public var brokerName: String?

    /// Creates a header.
    public init(consumerGroup: String, topic: String, queueId: Int32, commitOffset: Int64, brokerName: String? = nil) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.commitOffset = commitOffset
        self.brokerName = brokerName
    }

    /// Reads the fields.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.consumerGroup = try ext.required("consumerGroup")
        self.topic = try ext.required("topic")
        self.queueId = try ext.required("queueId", as: Int32.self)
        self.commitOffset = try ext.required("commitOffset", as: Int64.self)
        self.brokerName = ext["bname"]
    }

    /// The fields in Java's declaration order, then `bname`.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = [
            "consumerGroup": self.consumerGroup, "topic": self.topic, "queueId": String(self.queueId),
            "commitOffset": String(self.commitOffset),
        ]
        fields.set("bname", self.brokerName)
        return fields
    }
}
