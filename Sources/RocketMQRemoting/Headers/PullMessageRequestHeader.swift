/// The header of PULL_MESSAGE (11) (`PullMessageRequestHeader.java`).
public struct PullMessageRequestHeader: Sendable, Hashable {
    /// `sysFlag` bits (`PullSysFlag`).
    public struct SysFlag: OptionSet, Sendable, Hashable {
        public var rawValue: Int32
        /// Creates flags from the wire value.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// The broker should store `commitOffset` for the group.
        public static let commitOffset = SysFlag(rawValue: 0x1)
        /// The broker may hold the request until messages arrive (long polling).
        public static let suspend = SysFlag(rawValue: 0x2)
        /// The request carries its own `subscription` expression.
        public static let subscription = SysFlag(rawValue: 0x4)
        /// Class filter mode.
        public static let classFilter = SysFlag(rawValue: 0x8)
        /// Lite pull consumer.
        public static let litePull = SysFlag(rawValue: 0x10)
    }

    /// The longest hold a decoded request gets: a larger (or negative) `suspendTimeoutMillis` is clamped into
    /// `0...300_000` when read. Java consumers ask for 15 s (push) or 20 s (lite pull); a broker that honoured
    /// any `long` would compute an overflowing deadline.
    public static let maxSuspendTimeoutMillis: Int64 = 300_000

    /// `consumerGroup`.
    public var consumerGroup: String
    /// `topic`.
    public var topic: String
    /// `queueId`.
    public var queueId: Int32
    /// `queueOffset`: the first offset to read.
    public var queueOffset: Int64
    /// `maxMsgNums`.
    public var maxMsgNums: Int32
    /// `sysFlag`.
    public var sysFlag: SysFlag
    /// `commitOffset`: the consumer's offset to store when ``SysFlag/commitOffset`` is set.
    public var commitOffset: Int64
    /// `suspendTimeoutMillis`: how long the broker may hold the request.
    public var suspendTimeoutMillis: Int64
    /// `subscription`: the tag expression, sent when ``SysFlag/subscription`` is set.
    public var subscription: String?
    /// `subVersion`: the subscription's version.
    public var subVersion: Int64
    /// `expressionType`: `TAG` or `SQL92`.
    public var expressionType: String?
    /// `bname` (4.9.4+).
    public var brokerName: String?

    /// Creates a header.
    public init(
        consumerGroup: String, topic: String, queueId: Int32, queueOffset: Int64, maxMsgNums: Int32 = 32,
        sysFlag: SysFlag, commitOffset: Int64 = 0, suspendTimeoutMillis: Int64 = 15000, subscription: String? = nil,
        subVersion: Int64, expressionType: String? = "TAG", brokerName: String? = nil
    ) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.maxMsgNums = maxMsgNums
        self.sysFlag = sysFlag
        self.commitOffset = commitOffset
        self.suspendTimeoutMillis = suspendTimeoutMillis
        self.subscription = subscription
        self.subVersion = subVersion
        self.expressionType = expressionType
        self.brokerName = brokerName
    }

    /// Reads the request's ext fields; `suspendTimeoutMillis` is clamped into `0...`
    /// ``maxSuspendTimeoutMillis``.
    /// - Throws: ``RemotingError`` `missingField` / `invalidFieldValue` naming the field.
    public init(extFields: RemotingExtFields?) throws(RemotingError) {
        let ext = extFields ?? RemotingExtFields()
        func number<T: FixedWidthInteger>(_ name: String, _ type: T.Type) throws(RemotingError) -> T {
            guard let text = ext[name] else {
                throw RemotingError(.missingField, "PullMessageRequestHeader: \(name) is missing")
            }
            guard let value = T(text) else {
                throw RemotingError(.invalidFieldValue, "PullMessageRequestHeader: \(name) is not a number: \(text)")
            }
            return value
        }
        guard let group = ext["consumerGroup"], let topic = ext["topic"] else {
            throw RemotingError(.missingField, "PullMessageRequestHeader needs consumerGroup and topic")
        }
        self.init(
            consumerGroup: group, topic: topic, queueId: try number("queueId", Int32.self),
            queueOffset: try number("queueOffset", Int64.self), maxMsgNums: try number("maxMsgNums", Int32.self),
            sysFlag: SysFlag(rawValue: try number("sysFlag", Int32.self)),
            commitOffset: try number("commitOffset", Int64.self),
            suspendTimeoutMillis: min(max(try number("suspendTimeoutMillis", Int64.self), 0), Self.maxSuspendTimeoutMillis),
            subscription: ext["subscription"],
            subVersion: try number("subVersion", Int64.self), expressionType: ext["expressionType"],
            brokerName: ext["bname"])
    }

    /// The ext fields in the order a 4.9.8 Java consumer sends them (binary capture order).
    public var extFields: RemotingExtFields {
        var ext: RemotingExtFields = [
            "consumerGroup": self.consumerGroup, "topic": self.topic, "queueId": String(self.queueId),
            "queueOffset": String(self.queueOffset), "maxMsgNums": String(self.maxMsgNums),
            "sysFlag": String(self.sysFlag.rawValue), "commitOffset": String(self.commitOffset),
            "suspendTimeoutMillis": String(self.suspendTimeoutMillis),
        ]
        ext["subscription"] = self.subscription
        ext["subVersion"] = String(self.subVersion)
        ext["expressionType"] = self.expressionType
        ext["bname"] = self.brokerName
        return ext
    }
}
