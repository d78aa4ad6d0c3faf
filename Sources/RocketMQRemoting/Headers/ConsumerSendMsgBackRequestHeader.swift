/// CONSUMER_SEND_MSG_BACK (36) request header (`ConsumerSendMsgBackRequestHeader.java`, 4.9.x fields).
public struct ConsumerSendMsgBackRequestHeader: CommandCustomHeader, Hashable {
    /// The commit-log offset of the message to send back.
    public var offset: Int64
    /// The consumer group.
    public var group: String
    /// The delay level asked for: 0 lets the broker pick `3 + reconsumeTimes`, a negative one sends to the DLQ.
    public var delayLevel: Int32
    /// The original message id.
    public var originMsgId: String?
    /// The original topic.
    public var originTopic: String?
    /// Unit mode.
    public var unitMode: Bool
    /// The group's retry limit as the client sees it.
    public var maxReconsumeTimes: Int32?
    /// `bname` (4.9.4+).
    public var brokerName: String?

    /// Creates a header.
    public init(
        offset: Int64, group: String, delayLevel: Int32, originMsgId: String? = nil, originTopic: String? = nil,
        unitMode: Bool = false, maxReconsumeTimes: Int32? = nil, brokerName: String? = nil
    ) {
        self.offset = offset
        self.group = group
        self.delayLevel = delayLevel
        self.originMsgId = originMsgId
        self.originTopic = originTopic
        self.unitMode = unitMode
        self.maxReconsumeTimes = maxReconsumeTimes
        self.brokerName = brokerName
    }

    /// Reads the fields; `offset`, `group` and `delayLevel` are required (`@CFNotNull`).
    /// - Throws: ``RemotingError`` `missingField` or `invalidFieldValue` naming the field.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.offset = try ext.required("offset", as: Int64.self)
        self.group = try ext.required("group")
        self.delayLevel = try ext.required("delayLevel", as: Int32.self)
        self.originMsgId = ext["originMsgId"]
        self.originTopic = ext["originTopic"]
        self.unitMode = ext.optionalBool("unitMode") ?? false
        self.maxReconsumeTimes = try ext.optional("maxReconsumeTimes", as: Int32.self)
        self.brokerName = ext["bname"]
    }

    /// The fields in Java's declaration order.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = ["offset": String(self.offset), "group": self.group, "delayLevel": String(self.delayLevel)]
        fields.set("originMsgId", self.originMsgId)
        fields.set("originTopic", self.originTopic)
        fields["unitMode"] = String(self.unitMode)
        fields.set("maxReconsumeTimes", self.maxReconsumeTimes)
        fields.set("bname", self.brokerName)
        return fields
    }
}
