/// The queues an orderly consumer asks a broker to lock for it: the body of LOCK_BATCH_MQ (41)
/// (`remoting/…/protocol/body/LockBatchRequestBody.java`). UNLOCK_BATCH_MQ (42) sends the same three fields
/// (`UnlockBatchRequestBody`), so this type serves both.
public struct LockBatchRequestBody: RemotingJSONBody, Hashable {
    /// The consumer group.
    public var consumerGroup: String
    /// The id of the client asking.
    public var clientId: String
    /// The queues, all on the broker asked.
    public var mqSet: [MessageQueue]

    /// Makes a lock (or unlock) request.
    public init(consumerGroup: String, clientId: String, mqSet: [MessageQueue]) {
        self.consumerGroup = consumerGroup
        self.clientId = clientId
        self.mqSet = mqSet
    }

    /// Reads the body; an absent `mqSet` is empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "LockBatchRequestBody")
        self.consumerGroup = try reader.string("consumerGroup") ?? ""
        self.clientId = try reader.string("clientId") ?? ""
        self.mqSet = try reader.array("mqSet", of: MessageQueue.self) ?? []
    }

    /// The JSON fastjson writes (4.9.8's three fields; 5.x adds `onlyThisBroker`, default false).
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("clientId", .string(clientId))
        writer.set("consumerGroup", .string(consumerGroup))
        writer.set("mqSet", .array(mqSet.map(\.json)))
        return writer.json
    }
}
