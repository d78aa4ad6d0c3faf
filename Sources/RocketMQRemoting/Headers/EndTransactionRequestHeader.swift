/// END_TRANSACTION (37) request header (`EndTransactionRequestHeader.java`, 4.9.x fields).
public struct EndTransactionRequestHeader: CommandCustomHeader, Hashable {
    /// The producer group.
    public var producerGroup: String
    /// The half message's queue offset.
    public var tranStateTableOffset: Int64
    /// The half message's commit-log offset.
    public var commitLogOffset: Int64
    /// The decision: ``MessageSysFlag/transactionCommit``, ``MessageSysFlag/transactionRollback`` or none (0).
    public var commitOrRollback: MessageSysFlag
    /// Whether the decision answers the broker's check.
    public var fromTransactionCheck: Bool?
    /// The message id.
    public var msgId: String
    /// The transaction id.
    public var transactionId: String?
    /// `bname` (4.9.4+).
    public var brokerName: String?

    /// Creates a header.
    public init(
        producerGroup: String, tranStateTableOffset: Int64, commitLogOffset: Int64, commitOrRollback: MessageSysFlag,
        fromTransactionCheck: Bool? = false, msgId: String, transactionId: String? = nil, brokerName: String? = nil
    ) {
        self.producerGroup = producerGroup
        self.tranStateTableOffset = tranStateTableOffset
        self.commitLogOffset = commitLogOffset
        self.commitOrRollback = commitOrRollback
        self.fromTransactionCheck = fromTransactionCheck
        self.msgId = msgId
        self.transactionId = transactionId
        self.brokerName = brokerName
    }

    /// Reads the fields: every `@CFNotNull` one is required, and `commitOrRollback` must be one of the three
    /// transaction types (`checkFields`).
    /// - Throws: ``RemotingError`` `missingField` or `invalidFieldValue` naming the field.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.producerGroup = try ext.required("producerGroup")
        self.tranStateTableOffset = try ext.required("tranStateTableOffset", as: Int64.self)
        self.commitLogOffset = try ext.required("commitLogOffset", as: Int64.self)
        let kind = MessageSysFlag(rawValue: try ext.required("commitOrRollback", as: Int32.self))
        guard kind == [] || kind == .transactionCommit || kind == .transactionRollback else {
            throw RemotingError(.invalidFieldValue, "commitOrRollback field wrong")
        }
        self.commitOrRollback = kind
        self.fromTransactionCheck = ext.optionalBool("fromTransactionCheck")
        self.msgId = try ext.required("msgId")
        self.transactionId = ext["transactionId"]
        self.brokerName = ext["bname"]
    }

    /// The fields in Java's declaration order, then `bname`.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = [
            "producerGroup": self.producerGroup, "tranStateTableOffset": String(self.tranStateTableOffset),
            "commitLogOffset": String(self.commitLogOffset), "commitOrRollback": String(self.commitOrRollback.rawValue),
        ]
        fields.set("fromTransactionCheck", self.fromTransactionCheck)
        fields["msgId"] = self.msgId
        fields.set("transactionId", self.transactionId)
        fields.set("bname", self.brokerName)
        return fields
    }
}
