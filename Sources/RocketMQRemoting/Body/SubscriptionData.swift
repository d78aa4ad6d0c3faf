/// One topic subscription of a consumer (`remoting/…/heartbeat/SubscriptionData.java`), in HEART_BEAT bodies
/// and GET_CONSUMER_CONNECTION_LIST answers.
public struct SubscriptionData: RemotingJSONBody, Hashable {
    /// The `expressionType` of tag subscriptions (`ExpressionType.TAG`).
    public static let tagExpression = "TAG"

    /// The subscribed topic.
    public var topic: String
    /// The expression, e.g. `*` or `TagA || TagB`.
    public var subString: String
    /// The tags of a tag expression (a Java `Set`, order as received).
    public var tagsSet: [String]
    /// The tags' hash codes (a Java `Set`, order as received).
    public var codeSet: [Int32]
    /// The subscription's version (ms since the epoch when it was made).
    public var subVersion: Int64
    /// Whether class filtering (removed in 4.3) is on. Default false.
    public var classFilterMode: Bool
    /// `TAG` (default) or `SQL92`.
    public var expressionType: String
    /// The class-filter source, if any (4.x writes it when set; 5.x never does).
    public var filterClassSource: String?

    /// Makes a subscription with Java's defaults.
    public init(
        topic: String,
        subString: String = "*",
        tagsSet: [String] = [],
        codeSet: [Int32] = [],
        subVersion: Int64 = 0,
        classFilterMode: Bool = false,
        expressionType: String = SubscriptionData.tagExpression,
        filterClassSource: String? = nil
    ) {
        self.topic = topic
        self.subString = subString
        self.tagsSet = tagsSet
        self.codeSet = codeSet
        self.subVersion = subVersion
        self.classFilterMode = classFilterMode
        self.expressionType = expressionType
        self.filterClassSource = filterClassSource
    }

    /// Reads a SubscriptionData object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "SubscriptionData")
        self.topic = try reader.required("topic") { v throws(RemotingError) in try v.string() }
        self.subString = try reader.string("subString") ?? "*"
        self.tagsSet = try reader.strings("tagsSet") ?? []
        self.codeSet = try reader.optional("codeSet") { v throws(RemotingError) in
            try v.array().map { e throws(RemotingError) in try e.int32() }
        } ?? []
        self.subVersion = try reader.int64("subVersion") ?? 0
        self.classFilterMode = try reader.bool("classFilterMode") ?? false
        self.expressionType = try reader.string("expressionType") ?? Self.tagExpression
        self.filterClassSource = try reader.string("filterClassSource")
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("classFilterMode", .bool(classFilterMode))
        writer.set("codeSet", .array(codeSet.map { .integer(Int64($0)) }))
        writer.set("expressionType", .string(expressionType))
        writer.set("filterClassSource", filterClassSource.map { .string($0) })
        writer.set("subString", .string(subString))
        writer.set("subVersion", .integer(subVersion))
        writer.set("tagsSet", BodyWriter.strings(tagsSet))
        writer.set("topic", .string(topic))
        return writer.json
    }
}
