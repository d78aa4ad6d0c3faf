/// A stored message as the broker keeps it in its commit log and returns it in PULL_MESSAGE bodies
/// (`MessageExt.java`). ``MessageExt+Codec`` reads and writes the store format.
public struct MessageExt: Sendable, Hashable {
    /// The topic the message is stored under.
    public var topic: String
    /// The queue inside the topic.
    public var queueId: Int32
    /// The message's offset in its consume queue.
    public var queueOffset: Int64
    /// The payload.
    public var body: [UInt8]
    /// The user flag.
    public var flag: Int32
    /// The properties (tags, keys, delay level, unique key…); see ``MessageProperties``.
    public var properties: [String: String]
    /// When the producer created the message, epoch milliseconds.
    public var bornTimestamp: Int64
    /// The producer's address.
    public var bornHost: MessageHost
    /// When the broker stored the message, epoch milliseconds.
    public var storeTimestamp: Int64
    /// The broker's address.
    public var storeHost: MessageHost
    /// The system flag; the IPv6 host bits are kept in step with the hosts by the encoder.
    public var sysFlag: MessageSysFlag
    /// The CRC of the body (``CRC32/rocketMQ(_:)``).
    public var bodyCRC: Int32
    /// How many times the message was consumed again after a failure.
    public var reconsumeTimes: Int32
    /// The prepared transaction's offset (transactional messages).
    public var preparedTransactionOffset: Int64
    /// The message's physical offset in the commit log.
    public var commitLogOffset: Int64

    /// Creates a message; `bodyCRC` defaults to the body's CRC.
    public init(
        topic: String,
        queueId: Int32 = 0,
        queueOffset: Int64 = 0,
        body: [UInt8],
        flag: Int32 = 0,
        properties: [String: String] = [:],
        bornTimestamp: Int64 = 0,
        bornHost: MessageHost = MessageHost(address: [127, 0, 0, 1], port: 0),
        storeTimestamp: Int64 = 0,
        storeHost: MessageHost = MessageHost(address: [127, 0, 0, 1], port: 0),
        sysFlag: MessageSysFlag = [],
        bodyCRC: Int32? = nil,
        reconsumeTimes: Int32 = 0,
        preparedTransactionOffset: Int64 = 0,
        commitLogOffset: Int64 = 0
    ) {
        self.topic = topic
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.body = body
        self.flag = flag
        self.properties = properties
        self.bornTimestamp = bornTimestamp
        self.bornHost = bornHost
        self.storeTimestamp = storeTimestamp
        self.storeHost = storeHost
        self.sysFlag = sysFlag
        self.bodyCRC = bodyCRC ?? CRC32.rocketMQ(body)
        self.reconsumeTimes = reconsumeTimes
        self.preparedTransactionOffset = preparedTransactionOffset
        self.commitLogOffset = commitLogOffset
    }

    /// The broker-side id (`offsetMsgId`): store host and commit-log offset.
    public var msgId: MessageId { MessageId(storeHost: self.storeHost, commitLogOffset: self.commitLogOffset) }

    /// The id a Java client shows (`MessageClientExt.getMsgId`): `UNIQ_KEY` when present, else ``msgId``.
    public var clientMessageId: String {
        self.properties[MessageProperties.uniqueClientMessageIdKey] ?? self.msgId.description
    }

    /// The `TAGS` property.
    public var tags: String? {
        get { self.properties[MessageProperties.tags] }
        set { self.properties[MessageProperties.tags] = newValue }
    }

    /// The `KEYS` property.
    public var keys: String? {
        get { self.properties[MessageProperties.keys] }
        set { self.properties[MessageProperties.keys] = newValue }
    }

    /// The `DELAY` property as a level (0 when absent or not a number).
    public var delayTimeLevel: Int {
        get { self.properties[MessageProperties.delayTimeLevel].flatMap { Int($0) } ?? 0 }
        set { self.properties[MessageProperties.delayTimeLevel] = newValue > 0 ? String(newValue) : nil }
    }
}
