/// How a topic filters messages (`common/…/TopicFilterType.java`); written as its name.
public enum TopicFilterType: String, Sendable, Hashable {
    /// `SINGLE_TAG`, the default.
    case singleTag = "SINGLE_TAG"
    /// `MULTI_TAG`.
    case multiTag = "MULTI_TAG"
}

/// A topic's configuration on one broker (`common/…/TopicConfig.java`).
///
/// JSON (4.9.8): `{"order":false,"perm":6,"readQueueNums":4,"topicFilterType":"SINGLE_TAG",
/// "topicName":"MigTopicA","topicSysFlag":0,"writeQueueNums":4}`; 5.x adds `"attributes":{…}`.
public struct TopicConfig: RemotingJSONBody, Hashable {
    /// The topic name (required).
    public var topicName: String
    /// Queues consumers read. Java default 16.
    public var readQueueNums: Int32
    /// Queues producers write. Java default 16.
    public var writeQueueNums: Int32
    /// Permission bits. Java default 6 (read and write).
    public var perm: PermName
    /// Filter type. Java default `SINGLE_TAG`.
    public var topicFilterType: TopicFilterType
    /// System flag bits (`TopicSysFlag`: unit, unit-sub). Default 0.
    public var topicSysFlag: Int32
    /// Whether the topic is ordered. Default false.
    public var order: Bool
    /// 5.x topic attributes (e.g. `+message.type`: `NORMAL`); `nil` when absent (4.x) and then not written.
    public var attributes: OrderedMap<String, String>?

    /// Makes a topic config with Java's defaults.
    public init(
        topicName: String,
        readQueueNums: Int32 = 16,
        writeQueueNums: Int32 = 16,
        perm: PermName = [.read, .write],
        topicFilterType: TopicFilterType = .singleTag,
        topicSysFlag: Int32 = 0,
        order: Bool = false,
        attributes: OrderedMap<String, String>? = nil
    ) {
        self.topicName = topicName
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.topicFilterType = topicFilterType
        self.topicSysFlag = topicSysFlag
        self.order = order
        self.attributes = attributes
    }

    /// Reads a TopicConfig object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "TopicConfig")
        self.topicName = try reader.required("topicName") { v throws(RemotingError) in try v.string() }
        self.readQueueNums = try reader.int32("readQueueNums") ?? 16
        self.writeQueueNums = try reader.int32("writeQueueNums") ?? 16
        self.perm = PermName(rawValue: try reader.int32("perm") ?? 6)
        self.topicFilterType = try reader.optional("topicFilterType") { v throws(RemotingError) in
            let name = try v.string()
            guard let type = TopicFilterType(rawValue: name) else {
                throw RemotingError(.invalidFieldValue, "unknown topic filter type \"\(name)\"")
            }
            return type
        } ?? .singleTag
        self.topicSysFlag = try reader.int32("topicSysFlag") ?? 0
        self.order = try reader.bool("order") ?? false
        self.attributes = try reader.map("attributes", key: BodyKey.string) { v throws(RemotingError) in try v.string() }
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("attributes", attributes.map { BodyWriter.map($0) { .string($0) } })
        writer.set("order", .bool(order))
        writer.set("perm", .integer(Int64(perm.rawValue)))
        writer.set("readQueueNums", .integer(Int64(readQueueNums)))
        writer.set("topicFilterType", .string(topicFilterType.rawValue))
        writer.set("topicName", .string(topicName))
        writer.set("topicSysFlag", .integer(Int64(topicSysFlag)))
        writer.set("writeQueueNums", .integer(Int64(writeQueueNums)))
        return writer.json
    }
}
