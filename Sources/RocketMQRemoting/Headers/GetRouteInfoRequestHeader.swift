/// GET_ROUTEINFO_BY_TOPIC (105) request header (`GetRouteInfoRequestHeader.java`).
public struct GetRouteInfoRequestHeader: CommandCustomHeader, Hashable {
    /// The topic.
    public var topic: String
    /// Asks a 4.9.4+ NameServer for standard JSON whatever the version; nil leaves the field out.
    public var acceptStandardJsonOnly: Bool?

    /// Creates a header.
    public init(topic: String, acceptStandardJsonOnly: Bool? = nil) {
        self.topic = topic
        self.acceptStandardJsonOnly = acceptStandardJsonOnly
    }

    /// Reads `topic` (required) and `acceptStandardJsonOnly`.
    public init(ext: RemotingExtFields) throws(RemotingError) {
        self.topic = try ext.required("topic")
        self.acceptStandardJsonOnly = ext.optionalBool("acceptStandardJsonOnly")
    }

    /// `topic`, then `acceptStandardJsonOnly` when set.
    public var ext: RemotingExtFields {
        var fields: RemotingExtFields = ["topic": self.topic]
        fields.set("acceptStandardJsonOnly", self.acceptStandardJsonOnly)
        return fields
    }
}
