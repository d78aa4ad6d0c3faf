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

    /// Creates a header.
    public init(consumerGroup: String, topic: String, queueId: Int32, setZeroIfNotFound: Bool? = nil) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.setZeroIfNotFound = setZeroIfNotFound
    }

    /// Reads the fields (`bname`, sent by 4.9.8 clients, is ignored).
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.consumerGroup = try ext.required("consumerGroup")
        self.topic = try ext.required("topic")
        self.queueId = try ext.required("queueId", as: Int32.self)
        self.setZeroIfNotFound = ext.optionalBool("setZeroIfNotFound")
    }

    /// The fields in Java's declaration order.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = [
            "consumerGroup": self.consumerGroup, "topic": self.topic, "queueId": String(self.queueId),
        ]
        fields.set("setZeroIfNotFound", self.setZeroIfNotFound)
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

    /// Creates a header.
    public init(consumerGroup: String, topic: String, queueId: Int32, commitOffset: Int64) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.commitOffset = commitOffset
    }

    /// Reads the fields (`bname` is ignored).
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.consumerGroup = try ext.required("consumerGroup")
        self.topic = try ext.required("topic")
        self.queueId = try ext.required("queueId", as: Int32.self)
        self.commitOffset = try ext.required("commitOffset", as: Int64.self)
    }

    /// The fields in Java's declaration order.
    public var ext: RemotingExtFields {
        [
            "consumerGroup": self.consumerGroup, "topic": self.topic, "queueId": String(self.queueId),
            "commitOffset": String(self.commitOffset),
        ]
    }
}
