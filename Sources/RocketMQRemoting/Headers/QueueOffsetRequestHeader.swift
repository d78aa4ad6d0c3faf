/// The request header of GET_MAX_OFFSET (30), GET_MIN_OFFSET (31) and SEARCH_OFFSET_BY_TIMESTAMP (29)
/// (`GetMaxOffsetRequestHeader.java`, `GetMinOffsetRequestHeader.java`, `SearchOffsetRequestHeader.java`): one
/// queue of a topic, and for the search a store timestamp. Every field is `@CFNotNull` in 4.9.8.
public struct QueueOffsetRequestHeader: CommandCustomHeader, Hashable {
    /// The topic.
    public var topic: String
    /// The queue.
    public var queueId: Int32
    /// SEARCH_OFFSET_BY_TIMESTAMP's epoch milliseconds; nil for the other two codes.
    public var timestamp: Int64?
    /// `bname` (4.9.4+).
    public var brokerName: String?

    /// Creates a header.
    public init(topic: String, queueId: Int32, timestamp: Int64? = nil, brokerName: String? = nil) {
        self.topic = topic
        self.queueId = queueId
        self.timestamp = timestamp
        self.brokerName = brokerName
    }

    /// Reads `topic` and `queueId` (required) and `timestamp` (read when present; ``init(searchExt:)`` requires it).
    /// - Throws: ``RemotingError`` `missingField` or `invalidFieldValue` naming the field.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.topic = try ext.required("topic")
        self.queueId = try ext.required("queueId", as: Int32.self)
        self.timestamp = try ext.optional("timestamp", as: Int64.self)
        self.brokerName = ext["bname"]
    }

    /// Reads SEARCH_OFFSET_BY_TIMESTAMP's header, whose `timestamp` is required too.
    /// - Throws: ``RemotingError`` `missingField` or `invalidFieldValue` naming the field.
    public init(searchExt ext: RemotingExtFields) throws(RemotingError) {
        try self.init(ext: ext)
        self.timestamp = try ext.required("timestamp", as: Int64.self)
    }

    /// The fields in Java's declaration order, then `bname`.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = ["topic": self.topic, "queueId": String(self.queueId)]
        fields.set("timestamp", self.timestamp)
        fields.set("bname", self.brokerName)
        return fields
    }
}
