public import NIOCore

/// A topic's route: the body of GET_ROUTEINFO_BY_TOPIC (105) (`remoting/…/route/TopicRouteData.java`).
///
/// The NameServer writes it in one of two dialects (ROCKETMQ-FACTS §1.5):
/// ``dialect(forRequestVersion:acceptStandardJsonOnly:)`` says which, and ``byteBuffer(for:)`` writes it so.
public struct TopicRouteData: RemotingJSONBody, Hashable {
    /// The order-topic configuration from the NameServer KV namespace `ORDER_TOPIC_CONFIG`, e.g. `broker-a:4`.
    /// Producers use it verbatim and ignore perm. Present only while the NameServer has `orderMessageEnable`.
    public var orderTopicConf: String?
    /// The topic's queues, one entry per broker group.
    public var queueDatas: [QueueData]
    /// The broker groups serving the topic.
    public var brokerDatas: [BrokerData]
    /// Broker address → filter-server addresses (empty in practice; always written, as Java does).
    public var filterServerTable: OrderedMap<String, [String]>
    /// 5.x static-topic mappings by broker name, kept as raw JSON; `nil` when absent.
    public var topicQueueMappingByBroker: RemotingJSON?

    /// Makes a route.
    public init(
        orderTopicConf: String? = nil,
        queueDatas: [QueueData] = [],
        brokerDatas: [BrokerData] = [],
        filterServerTable: OrderedMap<String, [String]> = [:],
        topicQueueMappingByBroker: RemotingJSON? = nil
    ) {
        self.orderTopicConf = orderTopicConf
        self.queueDatas = queueDatas
        self.brokerDatas = brokerDatas
        self.filterServerTable = filterServerTable
        self.topicQueueMappingByBroker = topicQueueMappingByBroker
    }

    /// The request version from which a 4.9.4+ NameServer answers in standard JSON (`MQVersion.Version.V4_9_4`).
    public static let standardJSONMinimumVersion: Int32 = 401

    /// The dialect a 4.9.4+ NameServer (and the 5.x proxy) uses to answer a GET_ROUTEINFO_BY_TOPIC request:
    /// standard JSON if the request's `version` is at least 401 or its header has `acceptStandardJsonOnly=true`,
    /// else fastjson's (`ClientRequestProcessor.getRouteInfoByTopic`). A 4.4 NameServer always uses fastjson's.
    public static func dialect(forRequestVersion version: Int32, acceptStandardJsonOnly: Bool) -> RemotingJSONDialect {
        version >= standardJSONMinimumVersion || acceptStandardJsonOnly ? .standard : .fastjson
    }

    /// Reads a route in either dialect; absent lists and tables are empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "TopicRouteData")
        self.orderTopicConf = try reader.string("orderTopicConf")
        self.queueDatas = try reader.array("queueDatas", of: QueueData.self) ?? []
        self.brokerDatas = try reader.array("brokerDatas", of: BrokerData.self) ?? []
        self.filterServerTable = try reader.map("filterServerTable", key: BodyKey.string) { v throws(RemotingError) in
            try v.array().map { e throws(RemotingError) in try e.string() }
        } ?? [:]
        self.topicQueueMappingByBroker = try reader.optional("topicQueueMappingByBroker") { $0 }
    }

    /// The JSON fastjson writes (fields alphabetical, map entries in stored order).
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerDatas", .array(brokerDatas.map(\.json)))
        writer.set("filterServerTable", BodyWriter.map(filterServerTable) { BodyWriter.strings($0) })
        writer.set("orderTopicConf", orderTopicConf.map { .string($0) })
        writer.set("queueDatas", .array(queueDatas.map(\.json)))
        writer.set("topicQueueMappingByBroker", topicQueueMappingByBroker)
        return writer.json
    }

    /// The body as the NameServer writes it in `dialect`: fastjson's as is, or standard JSON with every map
    /// sorted by key (the NameServer adds `MapSortField` when it writes standard JSON).
    public func byteBuffer(for dialect: RemotingJSONDialect) -> ByteBuffer {
        json.byteBuffer(dialect: dialect, sortKeys: dialect == .standard)
    }

    /// The body as a 4.9.4+ NameServer answers a request with this `version` and `acceptStandardJsonOnly` header.
    public func byteBuffer(forRequestVersion version: Int32, acceptStandardJsonOnly: Bool) -> ByteBuffer {
        byteBuffer(for: Self.dialect(forRequestVersion: version, acceptStandardJsonOnly: acceptStandardJsonOnly))
    }
}
