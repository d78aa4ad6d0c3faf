/// All topic configs of a broker: the body of GET_ALL_TOPIC_CONFIG (21), mqadmin's broker-mode `topic.json`,
/// and part of REGISTER_BROKER (`remoting/…/body/TopicConfigSerializeWrapper.java`).
///
/// 5.x brokers send the subclass `TopicConfigAndMappingSerializeWrapper`, which adds `mappingDataVersion`
/// and `topicQueueMappingDetailMap` (static topics); both are kept as read and written back when present.
public struct TopicConfigSerializeWrapper: RemotingJSONBody, Hashable {
    /// Topic name → config, in the broker's order.
    public var topicConfigTable: OrderedMap<String, TopicConfig>
    /// The version of the table.
    public var dataVersion: DataVersion
    /// 5.x: the version of the static-topic mappings; `nil` from 4.x.
    public var mappingDataVersion: DataVersion?
    /// 5.x: static-topic queue mappings, kept as raw JSON; `nil` from 4.x.
    public var topicQueueMappingDetailMap: RemotingJSON?

    /// Makes a wrapper.
    public init(
        topicConfigTable: OrderedMap<String, TopicConfig> = [:],
        dataVersion: DataVersion = DataVersion(),
        mappingDataVersion: DataVersion? = nil,
        topicQueueMappingDetailMap: RemotingJSON? = nil
    ) {
        self.topicConfigTable = topicConfigTable
        self.dataVersion = dataVersion
        self.mappingDataVersion = mappingDataVersion
        self.topicQueueMappingDetailMap = topicQueueMappingDetailMap
    }

    /// Reads the wrapper; an absent table is empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "TopicConfigSerializeWrapper")
        self.topicConfigTable = try reader.map("topicConfigTable", key: BodyKey.string) { v throws(RemotingError) in
            try TopicConfig(json: v)
        } ?? [:]
        self.dataVersion = try reader.optional("dataVersion") { v throws(RemotingError) in try DataVersion(json: v) } ?? DataVersion()
        self.mappingDataVersion = try reader.optional("mappingDataVersion") { v throws(RemotingError) in try DataVersion(json: v) }
        self.topicQueueMappingDetailMap = try reader.optional("topicQueueMappingDetailMap") { $0 }
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("dataVersion", dataVersion.json)
        writer.set("mappingDataVersion", mappingDataVersion?.json)
        writer.set("topicConfigTable", BodyWriter.map(topicConfigTable) { $0.json })
        writer.set("topicQueueMappingDetailMap", topicQueueMappingDetailMap)
        return writer.json
    }
}
