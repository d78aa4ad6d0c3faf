/// UPDATE_AND_CREATE_TOPIC (17) request header (`CreateTopicRequestHeader.java`, 4.x fields).
public struct CreateTopicRequestHeader: CommandCustomHeader, Hashable {
    /// The largest read or write queue count a decoded header may carry. A 4.9.8 broker stores any `int`, and
    /// every later request on the topic then loops over that many queues; Ferry's servers refuse counts outside
    /// `0...1024` (1024 is the largest count RocketMQ itself configures, the `BenchmarkTest` topic's).
    public static let maxQueueNums: Int32 = 1024

    /// The topic to create or update.
    public var topic: String
    /// The template topic, `TBW102` in Apache's tools.
    public var defaultTopic: String
    /// Read queue count.
    public var readQueueNums: Int32
    /// Write queue count.
    public var writeQueueNums: Int32
    /// PermName bits (6 = read and write).
    public var perm: Int32
    /// `SINGLE_TAG` or `MULTI_TAG`.
    public var topicFilterType: String
    /// Topic system flag bits.
    public var topicSysFlag: Int32?
    /// Ordered topic.
    public var order: Bool

    /// Creates a header with Apache's defaults for the optional parts.
    public init(
        topic: String,
        defaultTopic: String = "TBW102",
        readQueueNums: Int32,
        writeQueueNums: Int32,
        perm: Int32 = 6,
        topicFilterType: String = "SINGLE_TAG",
        topicSysFlag: Int32? = 0,
        order: Bool = false
    ) {
        self.topic = topic
        self.defaultTopic = defaultTopic
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.topicFilterType = topicFilterType
        self.topicSysFlag = topicSysFlag
        self.order = order
    }

    /// Reads the fields; `topicSysFlag` and `order` are optional (order defaults to false).
    /// - Throws: ``RemotingError`` `missingField`, or `invalidFieldValue` for a value that is not a number or a
    ///   queue count outside `0...maxQueueNums`.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.topic = try ext.required("topic")
        self.defaultTopic = try ext.required("defaultTopic")
        self.readQueueNums = try ext.required("readQueueNums", as: Int32.self, in: 0...Self.maxQueueNums)
        self.writeQueueNums = try ext.required("writeQueueNums", as: Int32.self, in: 0...Self.maxQueueNums)
        self.perm = try ext.required("perm", as: Int32.self)
        self.topicFilterType = try ext.required("topicFilterType")
        self.topicSysFlag = try ext.optional("topicSysFlag", as: Int32.self)
        self.order = ext.optionalBool("order") ?? false
    }

    /// The fields in Java's declaration order.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = [
            "topic": self.topic, "defaultTopic": self.defaultTopic, "readQueueNums": String(self.readQueueNums),
            "writeQueueNums": String(self.writeQueueNums), "perm": String(self.perm),
            "topicFilterType": self.topicFilterType,
        ]
        fields.set("topicSysFlag", self.topicSysFlag)
        fields["order"] = String(self.order)
        return fields
    }
}
