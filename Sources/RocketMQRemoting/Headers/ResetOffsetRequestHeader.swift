/// INVOKE_BROKER_TO_RESET_OFFSET (222) and RESET_CONSUMER_CLIENT_OFFSET (220) request header
/// (`ResetOffsetRequestHeader.java`, 4.9.8 fields).
public struct ResetOffsetRequestHeader: CommandCustomHeader, Hashable {
    /// The topic.
    public var topic: String
    /// The consumer group.
    public var group: String
    /// The store time to move to (epoch ms); -1 moves to the end.
    public var timestamp: Int64
    /// Whether to move backwards too (false only moves offsets that would go back).
    public var isForce: Bool

    /// Creates a header.
    public init(topic: String, group: String, timestamp: Int64, isForce: Bool) {
        self.topic = topic
        self.group = group
        self.timestamp = timestamp
        self.isForce = isForce
    }

    /// Reads `topic`, `group`, `timestamp` and `isForce`, all required.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.topic = try ext.required("topic")
        self.group = try ext.required("group")
        self.timestamp = try ext.required("timestamp", as: Int64.self)
        self.isForce = try ext.required("isForce").lowercased() == "true"
    }

    /// `topic`, `group`, `timestamp`, `isForce`.
    public var ext: RemotingExtFields {
        ["topic": self.topic, "group": self.group, "timestamp": String(self.timestamp), "isForce": String(self.isForce)]
    }
}
