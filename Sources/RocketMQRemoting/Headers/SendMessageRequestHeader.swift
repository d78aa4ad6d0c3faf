/// The header of SEND_MESSAGE (10) and SEND_MESSAGE_V2 (310) (`SendMessageRequestHeader.java`,
/// `SendMessageRequestHeaderV2.java`). V2 carries the same fields under one-letter names `a`…`n`.
public struct SendMessageRequestHeader: Sendable, Hashable {
    /// `producerGroup` (`a`).
    public var producerGroup: String
    /// `topic` (`b`).
    public var topic: String
    /// `defaultTopic` (`c`), normally `TBW102`.
    public var defaultTopic: String
    /// `defaultTopicQueueNums` (`d`).
    public var defaultTopicQueueNums: Int32
    /// `queueId` (`e`); negative lets the broker choose.
    public var queueId: Int32
    /// `sysFlag` (`f`), see ``MessageSysFlag``.
    public var sysFlag: Int32
    /// `bornTimestamp` (`g`), epoch ms.
    public var bornTimestamp: Int64
    /// `flag` (`h`).
    public var flag: Int32
    /// `properties` (`i`), encoded with ``MessageProperties/encode(_:)``.
    public var properties: String
    /// `reconsumeTimes` (`j`).
    public var reconsumeTimes: Int32
    /// `unitMode` (`k`).
    public var unitMode: Bool
    /// `maxReconsumeTimes` (`l`), absent unless set.
    public var maxReconsumeTimes: Int32?
    /// `batch` (`m`).
    public var batch: Bool
    /// `bname` (`n`): the broker name the client addressed (4.9.4+), absent for older clients.
    public var brokerName: String?

    /// Creates a header with the Java producer's defaults.
    public init(
        producerGroup: String, topic: String, defaultTopic: String = "TBW102", defaultTopicQueueNums: Int32 = 4,
        queueId: Int32, sysFlag: Int32 = 0, bornTimestamp: Int64, flag: Int32 = 0, properties: String,
        reconsumeTimes: Int32 = 0, unitMode: Bool = false, maxReconsumeTimes: Int32? = nil, batch: Bool = false,
        brokerName: String? = nil
    ) {
        self.producerGroup = producerGroup
        self.topic = topic
        self.defaultTopic = defaultTopic
        self.defaultTopicQueueNums = defaultTopicQueueNums
        self.queueId = queueId
        self.sysFlag = sysFlag
        self.bornTimestamp = bornTimestamp
        self.flag = flag
        self.properties = properties
        self.reconsumeTimes = reconsumeTimes
        self.unitMode = unitMode
        self.maxReconsumeTimes = maxReconsumeTimes
        self.batch = batch
        self.brokerName = brokerName
    }

    /// The V1 field names, in the order of the V2 letters `a`…`n` (`l` is `maxReconsumeTimes`, `n` is `bname`).
    static let names: [(short: String, long: String)] = [
        ("a", "producerGroup"), ("b", "topic"), ("c", "defaultTopic"), ("d", "defaultTopicQueueNums"),
        ("e", "queueId"), ("f", "sysFlag"), ("g", "bornTimestamp"), ("h", "flag"), ("i", "properties"),
        ("j", "reconsumeTimes"), ("k", "unitMode"), ("l", "maxReconsumeTimes"), ("m", "batch"), ("n", "bname"),
    ]

    /// Reads a SEND_MESSAGE_V2 (`v2` true, letters) or SEND_MESSAGE header.
    /// - Throws: ``RemotingError`` `missingField` / `invalidFieldValue` naming the field.
    public init(extFields: RemotingExtFields?, v2: Bool) throws(RemotingError) {
        let ext = extFields ?? RemotingExtFields()
        var values: [String: String] = [:]
        for (short, long) in Self.names { values[long] = ext[v2 ? short : long] }
        func required(_ name: String) throws(RemotingError) -> String {
            guard let value = values[name] else {
                throw RemotingError(.missingField, "SendMessageRequestHeader: \(name) is missing")
            }
            return value
        }
        func number<T: FixedWidthInteger>(_ name: String, _ type: T.Type) throws(RemotingError) -> T {
            let text = try required(name)
            guard let value = T(text) else {
                throw RemotingError(.invalidFieldValue, "SendMessageRequestHeader: \(name) is not a number: \(text)")
            }
            return value
        }
        self.producerGroup = try required("producerGroup")
        self.topic = try required("topic")
        self.defaultTopic = try required("defaultTopic")
        self.defaultTopicQueueNums = try number("defaultTopicQueueNums", Int32.self)
        self.queueId = try number("queueId", Int32.self)
        self.sysFlag = try number("sysFlag", Int32.self)
        self.bornTimestamp = try number("bornTimestamp", Int64.self)
        self.flag = try number("flag", Int32.self)
        self.properties = values["properties"] ?? ""
        self.reconsumeTimes = values["reconsumeTimes"].flatMap { Int32($0) } ?? 0
        self.unitMode = values["unitMode"] == "true"
        self.maxReconsumeTimes = values["maxReconsumeTimes"].flatMap { Int32($0) }
        self.batch = values["batch"] == "true"
        self.brokerName = values["bname"]
    }

    /// The ext fields as a Java 4.9.8 client sends them (`v2` true: the letters, for SEND_MESSAGE_V2).
    public func extFields(v2: Bool) -> RemotingExtFields {
        let values: [String: String?] = [
            "producerGroup": self.producerGroup, "topic": self.topic, "defaultTopic": self.defaultTopic,
            "defaultTopicQueueNums": String(self.defaultTopicQueueNums), "queueId": String(self.queueId),
            "sysFlag": String(self.sysFlag), "bornTimestamp": String(self.bornTimestamp), "flag": String(self.flag),
            "properties": self.properties, "reconsumeTimes": String(self.reconsumeTimes),
            "unitMode": String(self.unitMode), "maxReconsumeTimes": self.maxReconsumeTimes.map { String($0) },
            "batch": String(self.batch), "bname": self.brokerName,
        ]
        var ext = RemotingExtFields()
        for (short, long) in Self.names {
            if let value = values[long] ?? nil { ext[v2 ? short : long] = value }
        }
        return ext
    }
}
