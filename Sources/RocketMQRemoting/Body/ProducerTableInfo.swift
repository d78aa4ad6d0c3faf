/// One producer as GET_ALL_PRODUCER_INFO lists it (`ProducerInfo.java`).
public struct ProducerInfo: RemotingJSONBody, Hashable {
    /// The client id of its heartbeats.
    public var clientId: String
    /// `"ip:port"` of its connection.
    public var remoteIP: String
    /// `LanguageCode` name, e.g. `"JAVA"`.
    public var language: String
    /// Its `MQVersion` ordinal.
    public var version: Int32
    /// Its last heartbeat, epoch ms.
    public var lastUpdateTimestamp: Int64

    /// Makes an entry.
    public init(clientId: String, remoteIP: String, language: String, version: Int32, lastUpdateTimestamp: Int64) {
        self.clientId = clientId
        self.remoteIP = remoteIP
        self.language = language
        self.version = version
        self.lastUpdateTimestamp = lastUpdateTimestamp
    }

    /// Reads an entry.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ProducerInfo")
        self.clientId = try reader.string("clientId") ?? ""
        self.remoteIP = try reader.string("remoteIP") ?? ""
        self.language = try reader.string("language") ?? ""
        self.version = try reader.int32("version") ?? 0
        self.lastUpdateTimestamp = try reader.int64("lastUpdateTimestamp") ?? 0
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("clientId", .string(clientId))
        writer.set("language", .string(language))
        writer.set("lastUpdateTimestamp", .integer(lastUpdateTimestamp))
        writer.set("remoteIP", .string(remoteIP))
        writer.set("version", .integer(Int64(version)))
        return writer.json
    }
}

/// The body of GET_ALL_PRODUCER_INFO (328) (`ProducerTableInfo.java`): producer group → its producers.
public struct ProducerTableInfo: RemotingJSONBody, Hashable {
    /// Group → producers.
    public var data: OrderedMap<String, [ProducerInfo]>

    /// Makes a table.
    public init(data: OrderedMap<String, [ProducerInfo]>) {
        self.data = data
    }

    /// Reads the table.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ProducerTableInfo")
        self.data = try reader.map("data", key: BodyKey.string) { v throws(RemotingError) in
            try v.array().map { e throws(RemotingError) in try ProducerInfo(json: e) }
        } ?? [:]
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("data", BodyWriter.map(data) { .array($0.map(\.json)) })
        return writer.json
    }
}
