/// Every committed consumer offset of a broker: the body of GET_ALL_CONSUMER_OFFSET (43)
/// (`broker/…/offset/ConsumerOffsetManager.encode()`).
///
/// fastjson writes the inner `Integer` keys unquoted: `{"offsetTable":{"MigTopicA@MigGroupA":{0:500,1:500}}}`.
public struct ConsumerOffsetTable: RemotingJSONBody, Hashable {
    /// `MixAll`'s separator between topic and group in the table's keys.
    public static let topicGroupSeparator: Character = "@"

    /// `topic@group` → queue id → committed offset, in the broker's order.
    public var offsetTable: OrderedMap<String, OrderedMap<Int32, Int64>>
    /// 5.x: the table's version; `nil` when absent (4.x).
    public var dataVersion: DataVersion?

    /// Makes an offset table.
    public init(offsetTable: OrderedMap<String, OrderedMap<Int32, Int64>> = [:], dataVersion: DataVersion? = nil) {
        self.offsetTable = offsetTable
        self.dataVersion = dataVersion
    }

    /// Splits a `topic@group` key at its last `@` (a group name cannot hold `@`; a topic name cannot either).
    public static func split(key: String) -> (topic: String, group: String)? {
        guard let index = key.lastIndex(of: topicGroupSeparator) else { return nil }
        return (String(key[..<index]), String(key[key.index(after: index)...]))
    }

    /// The offsets of one group on one topic, queue id → offset.
    public func offsets(topic: String, group: String) -> OrderedMap<Int32, Int64>? {
        offsetTable["\(topic)\(Self.topicGroupSeparator)\(group)"]
    }

    /// Reads the table in either dialect; other fields of the manager (e.g. 5.x `pullOffsetTable`) are ignored.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ConsumerOffsetTable")
        self.offsetTable = try reader.map("offsetTable", key: BodyKey.string) { v throws(RemotingError) in
            try BodyReader.map(v, key: BodyKey.integer) { e throws(RemotingError) in try e.int64() }
        } ?? [:]
        self.dataVersion = try reader.optional("dataVersion") { v throws(RemotingError) in try DataVersion(json: v) }
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("dataVersion", dataVersion?.json)
        writer.set("offsetTable", BodyWriter.map(offsetTable) { queues in
            BodyWriter.map(queues, key: { .integer(Int64($0)) }, value: { .integer($0) })
        })
        return writer.json
    }
}
