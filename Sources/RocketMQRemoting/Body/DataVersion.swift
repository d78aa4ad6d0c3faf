/// The version stamp brokers put on their topic and group tables (`remoting/…/protocol/DataVersion.java`).
///
/// JSON: `{"counter":5,"timestamp":1795286594681}`; 5.x adds `stateVersion`.
public struct DataVersion: RemotingJSONBody, Hashable, Comparable {
    /// Milliseconds since the epoch of the last change. Absent in JSON reads as 0.
    public var timestamp: Int64
    /// Bumped on each change (a Java `AtomicLong`, written as a plain integer). Default 0.
    public var counter: Int64
    /// 5.x controller state version; `nil` when absent (4.x), which is also how it is written back.
    public var stateVersion: Int64?

    /// Makes a version.
    public init(timestamp: Int64 = 0, counter: Int64 = 0, stateVersion: Int64? = nil) {
        self.timestamp = timestamp
        self.counter = counter
        self.stateVersion = stateVersion
    }

    /// Reads `{"counter":…,"timestamp":…[,"stateVersion":…]}`.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "DataVersion")
        self.timestamp = try reader.int64("timestamp") ?? 0
        self.counter = try reader.int64("counter") ?? 0
        self.stateVersion = try reader.int64("stateVersion")
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("counter", .integer(counter))
        writer.set("stateVersion", stateVersion.map { .integer($0) })
        writer.set("timestamp", .integer(timestamp))
        return writer.json
    }

    /// Java's `DataVersion.compare`: state version, then timestamp, then counter.
    public static func < (lhs: DataVersion, rhs: DataVersion) -> Bool {
        ((lhs.stateVersion ?? 0), lhs.timestamp, lhs.counter) < ((rhs.stateVersion ?? 0), rhs.timestamp, rhs.counter)
    }
}
