/// The body of RESET_CONSUMER_CLIENT_OFFSET (220), pushed by a broker to a group's clients, and of the
/// broker's answer to INVOKE_BROKER_TO_RESET_OFFSET (222) (`ResetOffsetBody.java`): the offset each queue
/// moves to. fastjson writes the queues as object keys: `{"offsetTable":{{"brokerName":…,"queueId":0,"topic":…}:12}}`.
public struct ResetOffsetBody: RemotingJSONBody, Hashable {
    /// Queue → new offset.
    public var offsetTable: OrderedMap<MessageQueue, Int64>

    /// Makes a body.
    public init(offsetTable: OrderedMap<MessageQueue, Int64>) {
        self.offsetTable = offsetTable
    }

    /// Reads the body in either dialect (object keys, or their text as standard JSON writes them).
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ResetOffsetBody")
        self.offsetTable = try reader.map("offsetTable", key: MessageQueue.key) { v throws(RemotingError) in
            try v.int64()
        } ?? [:]
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("offsetTable", BodyWriter.map(offsetTable, key: { $0.json }, value: { .integer($0) }))
        return writer.json
    }
}
