/// One broker's queues of a topic in a route (`remoting/…/route/QueueData.java`).
///
/// 4.4.0 spells the flag field `topicSynFlag`; 4.9.x and later `topicSysFlag`. Both decode, and
/// ``sysFlagSpelling`` remembers which one came (and chooses which one is written). The spelling takes no
/// part in equality.
public struct QueueData: RemotingJSONBody, Hashable {
    /// The field name used for ``topicSysFlag``.
    public enum SysFlagSpelling: Sendable, Hashable {
        /// `topicSysFlag`, since 4.9.x (default).
        case topicSysFlag
        /// `topicSynFlag`, as 4.4.0 writes it.
        case topicSynFlag
    }

    /// The broker group.
    public var brokerName: String
    /// Readable queues on that broker.
    public var readQueueNums: Int32
    /// Writable queues on that broker.
    public var writeQueueNums: Int32
    /// Permission bits as the NameServer holds them (a wiped broker shows 4).
    public var perm: PermName
    /// Topic system flag bits.
    public var topicSysFlag: Int32
    /// Which field name to write the flag under.
    public var sysFlagSpelling: SysFlagSpelling

    /// Makes a queue data entry.
    public init(
        brokerName: String,
        readQueueNums: Int32,
        writeQueueNums: Int32,
        perm: PermName,
        topicSysFlag: Int32 = 0,
        sysFlagSpelling: SysFlagSpelling = .topicSysFlag
    ) {
        self.brokerName = brokerName
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.topicSysFlag = topicSysFlag
        self.sysFlagSpelling = sysFlagSpelling
    }

    /// Reads a QueueData object, with either flag spelling; absent numbers are 0 (Java `int` default).
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "QueueData")
        self.brokerName = try reader.required("brokerName") { v throws(RemotingError) in try v.string() }
        self.readQueueNums = try reader.int32("readQueueNums") ?? 0
        self.writeQueueNums = try reader.int32("writeQueueNums") ?? 0
        self.perm = PermName(rawValue: try reader.int32("perm") ?? 0)
        if let flag = try reader.int32("topicSysFlag") {
            self.topicSysFlag = flag
            self.sysFlagSpelling = .topicSysFlag
        } else if let flag = try reader.int32("topicSynFlag") {
            self.topicSysFlag = flag
            self.sysFlagSpelling = .topicSynFlag
        } else {
            self.topicSysFlag = 0
            self.sysFlagSpelling = .topicSysFlag
        }
    }

    /// The JSON fastjson writes, the flag under ``sysFlagSpelling``'s name.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerName", .string(brokerName))
        writer.set("perm", .integer(Int64(perm.rawValue)))
        writer.set("readQueueNums", .integer(Int64(readQueueNums)))
        let flagKey = sysFlagSpelling == .topicSynFlag ? "topicSynFlag" : "topicSysFlag"
        writer.set(flagKey, .integer(Int64(topicSysFlag)))
        writer.set("writeQueueNums", .integer(Int64(writeQueueNums)))
        return writer.json
    }

    /// Equal when the route data is equal, whatever the flag's spelling.
    public static func == (lhs: QueueData, rhs: QueueData) -> Bool {
        lhs.brokerName == rhs.brokerName && lhs.readQueueNums == rhs.readQueueNums
            && lhs.writeQueueNums == rhs.writeQueueNums && lhs.perm == rhs.perm && lhs.topicSysFlag == rhs.topicSysFlag
    }

    /// Hashes the route data, not the flag's spelling.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(brokerName)
        hasher.combine(readQueueNums)
        hasher.combine(writeQueueNums)
        hasher.combine(perm)
        hasher.combine(topicSysFlag)
    }
}
