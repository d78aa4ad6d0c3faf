/// A producer group a client belongs to (`remoting/…/heartbeat/ProducerData.java`).
public struct ProducerData: RemotingJSONBody, Hashable {
    /// The producer group.
    public var groupName: String

    /// Makes a producer entry.
    public init(groupName: String) {
        self.groupName = groupName
    }

    /// Reads a ProducerData object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ProducerData")
        self.groupName = try reader.required("groupName") { v throws(RemotingError) in try v.string() }
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("groupName", .string(groupName))
        return writer.json
    }
}

/// The body of HEART_BEAT (34), which a client sends to every broker every 30 s
/// (`remoting/…/heartbeat/HeartbeatData.java`).
public struct HeartbeatData: RemotingJSONBody, Hashable {
    /// The client id, `ip@pid#nanotime` for Java clients.
    public var clientID: String
    /// The client's producer groups (a Java `HashSet`, order as received).
    public var producerDataSet: [ProducerData]
    /// The client's consumer groups (a Java `HashSet`, order as received).
    public var consumerDataSet: [ConsumerData]
    /// 5.x: the fingerprint of the last full heartbeat; `nil` when absent (4.x).
    public var heartbeatFingerprint: Int32?
    /// 5.x: whether this heartbeat leaves out the subscriptions; `nil` when absent (4.x).
    public var withoutSub: Bool?

    /// Makes a heartbeat.
    public init(
        clientID: String,
        producerDataSet: [ProducerData] = [],
        consumerDataSet: [ConsumerData] = [],
        heartbeatFingerprint: Int32? = nil,
        withoutSub: Bool? = nil
    ) {
        self.clientID = clientID
        self.producerDataSet = producerDataSet
        self.consumerDataSet = consumerDataSet
        self.heartbeatFingerprint = heartbeatFingerprint
        self.withoutSub = withoutSub
    }

    /// Reads a HeartbeatData object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "HeartbeatData")
        self.clientID = try reader.required("clientID") { v throws(RemotingError) in try v.string() }
        self.producerDataSet = try reader.array("producerDataSet", of: ProducerData.self) ?? []
        self.consumerDataSet = try reader.array("consumerDataSet", of: ConsumerData.self) ?? []
        self.heartbeatFingerprint = try reader.int32("heartbeatFingerprint")
        self.withoutSub = try reader.bool("withoutSub")
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("clientID", .string(clientID))
        writer.set("consumerDataSet", .array(consumerDataSet.map(\.json)))
        writer.set("heartbeatFingerprint", heartbeatFingerprint.map { .integer(Int64($0)) })
        writer.set("producerDataSet", .array(producerDataSet.map(\.json)))
        writer.set("withoutSub", withoutSub.map { .bool($0) })
        return writer.json
    }
}
