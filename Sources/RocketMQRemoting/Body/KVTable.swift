/// String key → string value: the body of GET_BROKER_RUNTIME_INFO (28), GET_KVLIST_BY_NAMESPACE (219) and the
/// REGISTER_BROKER answer (`remoting/…/body/KVTable.java`).
public struct KVTable: RemotingJSONBody, Hashable {
    /// The entries, in the sender's order.
    public var table: OrderedMap<String, String>

    /// Makes a table.
    public init(table: OrderedMap<String, String> = [:]) {
        self.table = table
    }

    /// Reads a KVTable object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "KVTable")
        self.table = try reader.map("table", key: BodyKey.string) { v throws(RemotingError) in try v.string() } ?? [:]
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("table", BodyWriter.map(table) { .string($0) })
        return writer.json
    }
}
