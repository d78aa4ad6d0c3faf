/// SEND_MESSAGE_V2 (310) request header (`SendMessageRequestHeaderV2.java`): the send header with
/// one-letter field names `a` … `n` to shorten the wire form.
public struct SendMessageRequestHeaderV2: CommandCustomHeader, Hashable {
    /// `a`: producer group.
    public var producerGroup: String
    /// `b`: topic.
    public var topic: String
    /// `c`: template topic for auto-creation (`TBW102`).
    public var defaultTopic: String
    /// `d`: queue count for an auto-created topic.
    public var defaultTopicQueueNums: Int32
    /// `e`: queue id.
    public var queueId: Int32
    /// `f`: message system flag.
    public var sysFlag: Int32
    /// `g`: born timestamp, ms.
    public var bornTimestamp: Int64
    /// `h`: message flag.
    public var flag: Int32
    /// `i`: message properties (`key\u{1}value\u{2}…`).
    public var properties: String?
    /// `j`: reconsume times.
    public var reconsumeTimes: Int32?
    /// `k`: unit mode.
    public var unitMode: Bool?
    /// `l`: max reconsume times.
    public var maxReconsumeTimes: Int32?
    /// `m`: batch.
    public var batch: Bool?
    /// `n`: broker name (4.9.x+).
    public var brokerName: String?

    /// Reads `a` … `h` (required) and `i` … `n` (optional).
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.producerGroup = try ext.required("a")
        self.topic = try ext.required("b")
        self.defaultTopic = try ext.required("c")
        self.defaultTopicQueueNums = try ext.required("d", as: Int32.self)
        self.queueId = try ext.required("e", as: Int32.self)
        self.sysFlag = try ext.required("f", as: Int32.self)
        self.bornTimestamp = try ext.required("g", as: Int64.self)
        self.flag = try ext.required("h", as: Int32.self)
        self.properties = ext["i"]
        self.reconsumeTimes = try ext.optional("j", as: Int32.self)
        self.unitMode = ext.optionalBool("k")
        self.maxReconsumeTimes = try ext.optional("l", as: Int32.self)
        self.batch = ext.optionalBool("m")
        self.brokerName = ext["n"]
    }

    /// `a` … `n`, nil fields left out.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = [
            "a": self.producerGroup, "b": self.topic, "c": self.defaultTopic, "d": String(self.defaultTopicQueueNums),
            "e": String(self.queueId), "f": String(self.sysFlag), "g": String(self.bornTimestamp), "h": String(self.flag),
        ]
        fields.set("i", self.properties)
        fields.set("j", self.reconsumeTimes)
        fields.set("k", self.unitMode)
        fields.set("l", self.maxReconsumeTimes)
        fields.set("m", self.batch)
        fields.set("n", self.brokerName)
        return fields
    }
}
