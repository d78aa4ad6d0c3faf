/// How a consumer gets messages (`remoting/…/heartbeat/ConsumeType.java`), written as its Java name.
/// Unknown names are kept, so a newer client's value never fails a decode.
public struct ConsumeType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Java enum name.
    public var rawValue: String
    /// Makes a value from its Java name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `CONSUME_ACTIVELY`: pull consumer.
    public static let consumeActively = ConsumeType(rawValue: "CONSUME_ACTIVELY")
    /// `CONSUME_PASSIVELY`: push consumer.
    public static let consumePassively = ConsumeType(rawValue: "CONSUME_PASSIVELY")
    /// `CONSUME_POP`: 5.x pop consumer.
    public static let consumePop = ConsumeType(rawValue: "CONSUME_POP")
    /// The Java name.
    public var description: String { rawValue }
}

/// Clustering or broadcasting (`remoting/…/heartbeat/MessageModel.java`); unknown names are kept.
public struct MessageModel: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Java enum name.
    public var rawValue: String
    /// Makes a value from its Java name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `BROADCASTING`: every consumer gets every message; offsets live on the clients.
    public static let broadcasting = MessageModel(rawValue: "BROADCASTING")
    /// `CLUSTERING`: the group shares the queues; offsets live on the broker.
    public static let clustering = MessageModel(rawValue: "CLUSTERING")
    /// The Java name.
    public var description: String { rawValue }
}

/// Where a new consumer group starts (`common/…/consumer/ConsumeFromWhere.java`); unknown names are kept.
public struct ConsumeFromWhere: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The Java enum name.
    public var rawValue: String
    /// Makes a value from its Java name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `CONSUME_FROM_LAST_OFFSET`.
    public static let lastOffset = ConsumeFromWhere(rawValue: "CONSUME_FROM_LAST_OFFSET")
    /// `CONSUME_FROM_FIRST_OFFSET`.
    public static let firstOffset = ConsumeFromWhere(rawValue: "CONSUME_FROM_FIRST_OFFSET")
    /// `CONSUME_FROM_TIMESTAMP`.
    public static let timestamp = ConsumeFromWhere(rawValue: "CONSUME_FROM_TIMESTAMP")
    /// The Java name.
    public var description: String { rawValue }
}
