/// The body of LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) (`LockBatchRequestBody.java`,
/// `UnlockBatchRequestBody.java`, which have the same fields): an orderly consumer asks its broker to lock
/// or release the queues it consumes.
public struct LockBatchRequestBody: RemotingJSONBody, Hashable {
    /// The consumer group.
    public var consumerGroup: String
    /// The client asking (`clientId` of its heartbeats).
    public var clientId: String
    /// Whether only the broker asked should act (Java sets it when a single queue is locked). Default false.
    public var onlyThisBroker: Bool
    /// The queues to lock or unlock.
    public var mqSet: [MessageQueue]

    /// Makes a request body.
    public init(consumerGroup: String, clientId: String, onlyThisBroker: Bool = false, mqSet: [MessageQueue]) {
        self.consumerGroup = consumerGroup
        self.clientId = clientId
        self.onlyThisBroker = onlyThisBroker
        self.mqSet = mqSet
    }

    /// Reads the body; `consumerGroup` and `clientId` are required, `mqSet` defaults to empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "LockBatchRequestBody")
        self.consumerGroup = try reader.required("consumerGroup") { v throws(RemotingError) in try v.string() }
        self.clientId = try reader.required("clientId") { v throws(RemotingError) in try v.string() }
        self.onlyThisBroker = try reader.bool("onlyThisBroker") ?? false
        self.mqSet = try reader.array("mqSet", of: MessageQueue.self) ?? []
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("clientId", .string(clientId))
        writer.set("consumerGroup", .string(consumerGroup))
        writer.set("mqSet", .array(mqSet.map(\.json)))
        writer.set("onlyThisBroker", .bool(onlyThisBroker))
        return writer.json
    }
}

/// The answer to LOCK_BATCH_MQ (`LockBatchResponseBody.java`): the queues now locked by the asking client.
public struct LockBatchResponseBody: RemotingJSONBody, Hashable {
    /// The queues the client holds.
    public var lockOKMQSet: [MessageQueue]

    /// Makes a response body.
    public init(lockOKMQSet: [MessageQueue]) {
        self.lockOKMQSet = lockOKMQSet
    }

    /// Reads the body; a missing set is empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "LockBatchResponseBody")
        self.lockOKMQSet = try reader.array("lockOKMQSet", of: MessageQueue.self) ?? []
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("lockOKMQSet", .array(lockOKMQSet.map(\.json)))
        return writer.json
    }
}
