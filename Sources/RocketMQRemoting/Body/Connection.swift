/// One client connection as a broker reports it (`remoting/…/body/Connection.java`).
public struct Connection: RemotingJSONBody, Hashable {
    /// The client id, `ip@pid#nanotime` for Java clients.
    public var clientId: String
    /// The remote `ip:port` the broker sees.
    public var clientAddr: String
    /// The client's language.
    public var language: LanguageCode
    /// The client's version ordinal (409 = 4.9.8).
    public var version: Int32

    /// Makes a connection entry.
    public init(clientId: String, clientAddr: String, language: LanguageCode = LanguageCode(name: "JAVA"), version: Int32) {
        self.clientId = clientId
        self.clientAddr = clientAddr
        self.language = language
        self.version = version
    }

    /// Reads a Connection object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "Connection")
        self.clientId = try reader.string("clientId") ?? ""
        self.clientAddr = try reader.string("clientAddr") ?? ""
        self.language = LanguageCode(name: try reader.string("language") ?? "JAVA")
        self.version = try reader.int32("version") ?? 0
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("clientAddr", .string(clientAddr))
        writer.set("clientId", .string(clientId))
        writer.set("language", .string(language.name))
        writer.set("version", .integer(Int64(version)))
        return writer.json
    }
}

/// The producers of a group connected to a broker: the body of GET_PRODUCER_CONNECTION_LIST (204)
/// (`remoting/…/body/ProducerConnection.java`).
public struct ProducerConnection: RemotingJSONBody, Hashable {
    /// The connections (a Java `HashSet`, order as received).
    public var connectionSet: [Connection]

    /// Makes a producer connection list.
    public init(connectionSet: [Connection] = []) {
        self.connectionSet = connectionSet
    }

    /// Reads a ProducerConnection object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ProducerConnection")
        self.connectionSet = try reader.array("connectionSet", of: Connection.self) ?? []
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("connectionSet", .array(connectionSet.map(\.json)))
        return writer.json
    }
}
