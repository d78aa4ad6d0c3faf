/// The `sysFlag` bits of a stored message (`MessageSysFlag.java`).
public struct MessageSysFlag: OptionSet, Sendable, Hashable {
    public var rawValue: Int32

    /// Creates a flag set from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The body is zlib-compressed.
    public static let compressed = MessageSysFlag(rawValue: 0x1)
    /// The message carries several tags.
    public static let multiTags = MessageSysFlag(rawValue: 0x1 << 1)
    /// A transactional half message (prepared).
    public static let transactionPrepared = MessageSysFlag(rawValue: 0x1 << 2)
    /// A committed transactional message.
    public static let transactionCommit = MessageSysFlag(rawValue: 0x2 << 2)
    /// A rolled-back transactional message (both transaction bits).
    public static let transactionRollback = MessageSysFlag(rawValue: 0x3 << 2)
    /// The born host is an IPv6 address (16 bytes instead of 4).
    public static let bornHostV6 = MessageSysFlag(rawValue: 0x1 << 4)
    /// The store host is an IPv6 address (16 bytes instead of 4).
    public static let storeHostV6 = MessageSysFlag(rawValue: 0x1 << 5)

    /// The transaction type bits only (`sysFlag & TRANSACTION_ROLLBACK_TYPE`).
    public var transactionType: MessageSysFlag { MessageSysFlag(rawValue: self.rawValue & Self.transactionRollback.rawValue) }
}
