/// All consumer-group configs of a broker: the body of GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) and mqadmin's
/// broker-mode `subscriptionGroup.json` (`remoting/…/body/SubscriptionGroupWrapper.java`).
public struct SubscriptionGroupWrapper: RemotingJSONBody, Hashable {
    /// Group name → config, in the broker's order.
    public var subscriptionGroupTable: OrderedMap<String, SubscriptionGroupConfig>
    /// 5.x: group → topic → forbidden-permission bits; `nil` when absent (4.9.8 does not send it).
    public var forbiddenTable: OrderedMap<String, OrderedMap<String, Int32>>?
    /// The version of the table.
    public var dataVersion: DataVersion

    /// Makes a wrapper.
    public init(
        subscriptionGroupTable: OrderedMap<String, SubscriptionGroupConfig> = [:],
        forbiddenTable: OrderedMap<String, OrderedMap<String, Int32>>? = nil,
        dataVersion: DataVersion = DataVersion()
    ) {
        self.subscriptionGroupTable = subscriptionGroupTable
        self.forbiddenTable = forbiddenTable
        self.dataVersion = dataVersion
    }

    /// Reads the wrapper; an absent table is empty.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "SubscriptionGroupWrapper")
        self.subscriptionGroupTable = try reader.map("subscriptionGroupTable", key: BodyKey.string) {
            v throws(RemotingError) in try SubscriptionGroupConfig(json: v)
        } ?? [:]
        self.forbiddenTable = try reader.map("forbiddenTable", key: BodyKey.string) { v throws(RemotingError) in
            try BodyReader.map(v, key: BodyKey.string) { e throws(RemotingError) in try e.int32() }
        }
        self.dataVersion = try reader.optional("dataVersion") { v throws(RemotingError) in try DataVersion(json: v) } ?? DataVersion()
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("dataVersion", dataVersion.json)
        writer.set("forbiddenTable", forbiddenTable.map { table in
            BodyWriter.map(table) { topics in BodyWriter.map(topics) { .integer(Int64($0)) } }
        })
        writer.set("subscriptionGroupTable", BodyWriter.map(subscriptionGroupTable) { $0.json })
        return writer.json
    }
}
