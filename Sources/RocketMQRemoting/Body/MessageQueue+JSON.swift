extension MessageQueue: RemotingJSONBody {
    /// Reads `{"brokerName":…,"queueId":…,"topic":…}`, also when it is a fastjson map key.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "MessageQueue")
        self.topic = try reader.required("topic") { v throws(RemotingError) in try v.string() }
        self.brokerName = try reader.required("brokerName") { v throws(RemotingError) in try v.string() }
        self.queueId = try reader.int32("queueId") ?? 0
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerName", .string(brokerName))
        writer.set("queueId", .integer(Int64(queueId)))
        writer.set("topic", .string(topic))
        return writer.json
    }

    /// A map key: fastjson writes the object itself; standard JSON a string holding its text. Both decode.
    static func key(_ json: RemotingJSON) throws(RemotingError) -> MessageQueue {
        if case .string(let text) = json { return try MessageQueue(json: RemotingJSON(parsing: text)) }
        return try MessageQueue(json: json)
    }
}
