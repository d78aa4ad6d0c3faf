/// A broker group and its members' addresses (`remoting/…/route/BrokerData.java`).
///
/// `brokerAddrs` is a Java `HashMap<Long,String>`: fastjson writes its keys unquoted (`{0:"127.0.0.1:10911"}`),
/// standard JSON quoted (`{"0":…}`); both decode. Broker id 0 is the master.
public struct BrokerData: RemotingJSONBody, Hashable {
    /// The broker id of a master (`MixAll.MASTER_ID`).
    public static let masterID: Int64 = 0

    /// The cluster the group belongs to.
    public var cluster: String
    /// The broker group name.
    public var brokerName: String
    /// Broker id → `ip:port`, in the sender's order.
    public var brokerAddrs: OrderedMap<Int64, String>
    /// 5.x: the zone; `nil` when absent.
    public var zoneName: String?
    /// 5.x: slave-acting-master mode (Java default false); `nil` when absent (4.x), and then not written.
    public var enableActingMaster: Bool?

    /// Makes a broker data entry.
    public init(
        cluster: String,
        brokerName: String,
        brokerAddrs: OrderedMap<Int64, String>,
        zoneName: String? = nil,
        enableActingMaster: Bool? = nil
    ) {
        self.cluster = cluster
        self.brokerName = brokerName
        self.brokerAddrs = brokerAddrs
        self.zoneName = zoneName
        self.enableActingMaster = enableActingMaster
    }

    /// The master's address (id 0), if the group has one.
    public var masterAddress: String? { brokerAddrs[Self.masterID] }

    /// Reads a BrokerData object; absent `brokerAddrs` is empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "BrokerData")
        self.cluster = try reader.string("cluster") ?? ""
        self.brokerName = try reader.required("brokerName") { v throws(RemotingError) in try v.string() }
        self.brokerAddrs = try reader.map("brokerAddrs", key: BodyKey.integer) { v throws(RemotingError) in
            try v.string()
        } ?? [:]
        self.zoneName = try reader.string("zoneName")
        self.enableActingMaster = try reader.bool("enableActingMaster")
    }

    /// The JSON fastjson writes; the dialect then decides whether the broker ids are quoted.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerAddrs", BodyWriter.map(brokerAddrs, key: { .integer($0) }, value: { .string($0) }))
        writer.set("brokerName", .string(brokerName))
        writer.set("cluster", .string(cluster))
        writer.set("enableActingMaster", enableActingMaster.map { .bool($0) })
        writer.set("zoneName", zoneName.map { .string($0) })
        return writer.json
    }
}
