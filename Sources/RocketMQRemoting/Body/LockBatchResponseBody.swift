/// The queues a broker locked for the asking client: the body of the LOCK_BATCH_MQ (41) answer
/// (`remoting/…/protocol/body/LockBatchResponseBody.java`).
public struct LockBatchResponseBody: RemotingJSONBody, Hashable {
    /// The queues now locked by the client (held by it already, or newly locked).
    public var lockOKMQSet: [MessageQueue]

    /// Makes an answer.
    public init(lockOKMQSet: [MessageQueue] = []) {
        self.lockOKMQSet = lockOKMQSet
    }

    /// Reads the body; an absent `lockOKMQSet` is empty.
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
