/// A consumer group's progress on one queue (`remoting/…/admin/OffsetWrapper.java`).
public struct OffsetWrapper: RemotingJSONBody, Hashable {
    /// The queue's max offset on the broker.
    public var brokerOffset: Int64
    /// The group's committed offset.
    public var consumerOffset: Int64
    /// 5.x: the group's pull offset; `nil` when absent (4.x).
    public var pullOffset: Int64?
    /// Store time of the last consumed message (ms since the epoch; 0 if none).
    public var lastTimestamp: Int64

    /// Makes an entry.
    public init(brokerOffset: Int64 = 0, consumerOffset: Int64 = 0, pullOffset: Int64? = nil, lastTimestamp: Int64 = 0) {
        self.brokerOffset = brokerOffset
        self.consumerOffset = consumerOffset
        self.pullOffset = pullOffset
        self.lastTimestamp = lastTimestamp
    }

    /// Messages not yet consumed on this queue (broker − consumer offset).
    public var diff: Int64 { brokerOffset - consumerOffset }

    /// Reads an OffsetWrapper; absent numbers are 0.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "OffsetWrapper")
        self.brokerOffset = try reader.int64("brokerOffset") ?? 0
        self.consumerOffset = try reader.int64("consumerOffset") ?? 0
        self.pullOffset = try reader.int64("pullOffset")
        self.lastTimestamp = try reader.int64("lastTimestamp") ?? 0
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("brokerOffset", .integer(brokerOffset))
        writer.set("consumerOffset", .integer(consumerOffset))
        writer.set("lastTimestamp", .integer(lastTimestamp))
        writer.set("pullOffset", pullOffset.map { .integer($0) })
        return writer.json
    }
}

/// A consumer group's progress on one broker: the body of GET_CONSUME_STATS (208)
/// (`remoting/…/admin/ConsumeStats.java`). Keyed by ``MessageQueue`` objects like ``TopicStatsTable``.
public struct ConsumeStats: RemotingJSONBody, Hashable {
    /// Queue → progress, in the broker's order.
    public var offsetTable: OrderedMap<MessageQueue, OffsetWrapper>
    /// Consumed messages per second. Default 0.
    public var consumeTps: Double

    /// Makes consume stats.
    public init(offsetTable: OrderedMap<MessageQueue, OffsetWrapper> = [:], consumeTps: Double = 0) {
        self.offsetTable = offsetTable
        self.consumeTps = consumeTps
    }

    /// The backlog: Σ (brokerOffset − consumerOffset) over all queues (Java `computeTotalDiff`).
    public var totalDiff: Int64 {
        offsetTable.values.reduce(0) { $0 + $1.diff }
    }

    /// Reads ConsumeStats in either dialect.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "ConsumeStats")
        self.offsetTable = try reader.map("offsetTable", key: MessageQueue.key) { v throws(RemotingError) in
            try OffsetWrapper(json: v)
        } ?? [:]
        self.consumeTps = try reader.double("consumeTps") ?? 0
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("consumeTps", .double(consumeTps))
        writer.set("offsetTable", BodyWriter.map(offsetTable, key: \.json, value: \.json))
        return writer.json
    }
}
