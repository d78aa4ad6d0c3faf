/// The response header of SEND_MESSAGE / SEND_MESSAGE_V2 (`SendMessageResponseHeader.java`).
/// 4.9.8 brokers also put `MSG_REGION` and `TRACE_ON` in the ext fields.
public struct SendMessageResponseHeader: Sendable, Hashable {
    /// The broker-side id (``MessageId``) of the stored message.
    public var msgId: String
    /// The queue the message went to.
    public var queueId: Int32
    /// The message's offset in that queue.
    public var queueOffset: Int64
    /// The transaction id, for transactional messages.
    public var transactionId: String?
    /// `MSG_REGION`, `DefaultRegion` by default.
    public var messageRegion: String
    /// `TRACE_ON`, `true` by default.
    public var traceOn: Bool

    /// Creates a header.
    public init(
        msgId: String, queueId: Int32, queueOffset: Int64, transactionId: String? = nil,
        messageRegion: String = "DefaultRegion", traceOn: Bool = true
    ) {
        self.msgId = msgId
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.transactionId = transactionId
        self.messageRegion = messageRegion
        self.traceOn = traceOn
    }

    /// Reads the response's ext fields.
    /// - Throws: ``RemotingError`` `missingField` / `invalidFieldValue`.
    public init(extFields: RemotingExtFields?) throws(RemotingError) {
        let ext = extFields ?? RemotingExtFields()
        guard let msgId = ext["msgId"], let queueId = ext["queueId"].flatMap({ Int32($0) }),
            let queueOffset = ext["queueOffset"].flatMap({ Int64($0) })
        else {
            throw RemotingError(.missingField, "SendMessageResponseHeader needs msgId, queueId and queueOffset")
        }
        self.init(
            msgId: msgId, queueId: queueId, queueOffset: queueOffset, transactionId: ext["transactionId"],
            messageRegion: ext["MSG_REGION"] ?? "DefaultRegion", traceOn: ext["TRACE_ON"] != "false")
    }

    /// The ext fields in the order a 4.9.8 broker writes them (JSON capture order).
    public var extFields: RemotingExtFields {
        var ext: RemotingExtFields = [
            "queueId": String(self.queueId), "TRACE_ON": String(self.traceOn), "MSG_REGION": self.messageRegion,
            "msgId": self.msgId, "queueOffset": String(self.queueOffset),
        ]
        ext["transactionId"] = self.transactionId
        return ext
    }
}
