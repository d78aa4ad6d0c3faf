/// The brokers of every cluster a NameServer knows: the body of GET_BROKER_CLUSTER_INFO (106)
/// (`remoting/…/body/ClusterInfo.java`). The NameServer writes it in fastjson's dialect (`{0:"…"}`).
public struct ClusterInfo: RemotingJSONBody, Hashable {
    /// Broker name → broker data.
    public var brokerAddrTable: OrderedMap<String, BrokerData>
    /// Cluster name → the broker names in it (a Java `Set`, order as received).
    public var clusterAddrTable: OrderedMap<String, [String]>

    /// Makes a cluster info.
    public init(brokerAddrTable: OrderedMap<String, BrokerData> = [:], clusterAddrTable: OrderedMap<String, [String]> = [:]) {
        self.brokerAddrTable = brokerAddrTable
        self.clusterAddrTable = clusterAddrTable
    }

    /// The broker groups of a cluster that the NameServer has data for, in the cluster table's order.
    public func brokers(inCluster cluster: String) -> [BrokerData] {
        (clusterAddrTable[cluster] ?? []).compactMap { brokerAddrTable[$0] }
    }

    /// Reads a ClusterInfo in either dialect; absent tables are empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ClusterInfo")
        self.brokerAddrTable = try reader.map("brokerAddrTable", key: BodyKey.string) { v throws(RemotingError) in
            try BrokerData(json: v)
        } ?? [:]
        self.clusterAddrTable = try reader.map("clusterAddrTable", key: BodyKey.string) { v throws(RemotingError) in
            try v.array().map { e throws(RemotingError) in try e.string() }
        } ?? [:]
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerAddrTable", BodyWriter.map(brokerAddrTable) { $0.json })
        writer.set("clusterAddrTable", BodyWriter.map(clusterAddrTable) { BodyWriter.strings($0) })
        return writer.json
    }
}
