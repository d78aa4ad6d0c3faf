/// The body of REGISTER_BROKER (103), which a broker sends every NameServer every 30 s
/// (`remoting/…/body/RegisterBrokerBody.java`).
///
/// Only the JSON form is read: the request header's `compressed` ext field is `false` in every capture. A 4.9.x
/// broker with `compressedRegister=true` sends a deflated binary form instead, which this type does not decode.
public struct RegisterBrokerBody: RemotingJSONBody, Hashable {
    /// The broker's topic configs (or, on a dataVersion-only refresh, a subset) and their version.
    public var topicConfigSerializeWrapper: TopicConfigSerializeWrapper
    /// Filter-server addresses (empty in practice).
    public var filterServerList: [String]

    /// Makes a registration body.
    public init(topicConfigSerializeWrapper: TopicConfigSerializeWrapper = TopicConfigSerializeWrapper(), filterServerList: [String] = []) {
        self.topicConfigSerializeWrapper = topicConfigSerializeWrapper
        self.filterServerList = filterServerList
    }

    /// Reads the JSON form.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "RegisterBrokerBody")
        self.topicConfigSerializeWrapper = try reader.optional("topicConfigSerializeWrapper") { v throws(RemotingError) in
            try TopicConfigSerializeWrapper(json: v)
        } ?? TopicConfigSerializeWrapper()
        self.filterServerList = try reader.strings("filterServerList") ?? []
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("filterServerList", BodyWriter.strings(filterServerList))
        writer.set("topicConfigSerializeWrapper", topicConfigSerializeWrapper.json)
        return writer.json
    }
}

/// The NameServer's answer to REGISTER_BROKER (`remoting/…/namesrv/RegisterBrokerResult.java`): the header's
/// `haServerAddr` and `masterAddr` (set only for a slave) and the body, the `ORDER_TOPIC_CONFIG` KV namespace.
public struct RegisterBrokerResult: Sendable, Hashable {
    /// The master's HA address, for a registering slave; `nil` otherwise.
    public var haServerAddr: String?
    /// The master's address, for a registering slave; `nil` otherwise.
    public var masterAddr: String?
    /// The order-topic configuration (topic → `broker:queues;…`); `nil` when the answer has no body.
    public var kvTable: KVTable?

    /// Makes a result.
    public init(haServerAddr: String? = nil, masterAddr: String? = nil, kvTable: KVTable? = nil) {
        self.haServerAddr = haServerAddr
        self.masterAddr = masterAddr
        self.kvTable = kvTable
    }

    /// Reads the answer from its header ext fields and (possibly empty) body.
    /// - Throws: ``RemotingError`` when the body is not a KVTable.
    public init(extFields: RemotingExtFields, body: RemotingJSON?) throws(RemotingError) {
        self.haServerAddr = extFields["haServerAddr"]
        self.masterAddr = extFields["masterAddr"]
        self.kvTable = try body.map { v throws(RemotingError) in try KVTable(json: v) }
    }

    /// The header ext fields the NameServer sends (only the addresses that are set).
    public var extFields: RemotingExtFields {
        var fields = RemotingExtFields()
        fields["haServerAddr"] = haServerAddr
        fields["masterAddr"] = masterAddr
        return fields
    }
}
