/// The offsets of one queue (`remoting/…/admin/TopicOffset.java`).
public struct TopicOffset: RemotingJSONBody, Hashable {
    /// The smallest offset still stored.
    public var minOffset: Int64
    /// The next offset to be written (messages in the queue = max − min).
    public var maxOffset: Int64
    /// When the last message was stored (ms since the epoch; 0 if never).
    public var lastUpdateTimestamp: Int64

    /// Makes an offset entry.
    public init(minOffset: Int64 = 0, maxOffset: Int64 = 0, lastUpdateTimestamp: Int64 = 0) {
        self.minOffset = minOffset
        self.maxOffset = maxOffset
        self.lastUpdateTimestamp = lastUpdateTimestamp
    }

    /// Reads a TopicOffset; absent numbers are 0.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "TopicOffset")
        self.minOffset = try reader.int64("minOffset") ?? 0
        self.maxOffset = try reader.int64("maxOffset") ?? 0
        self.lastUpdateTimestamp = try reader.int64("lastUpdateTimestamp") ?? 0
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("lastUpdateTimestamp", .integer(lastUpdateTimestamp))
        writer.set("maxOffset", .integer(maxOffset))
        writer.set("minOffset", .integer(minOffset))
        return writer.json
    }
}

/// A topic's queue offsets on one broker: the body of GET_TOPIC_STATS_INFO (202)
/// (`remoting/…/admin/TopicStatsTable.java`). Keyed by ``MessageQueue`` objects, written by fastjson as
/// `{{"brokerName":"b","queueId":0,"topic":"t"}:{…}}`.
public struct TopicStatsTable: RemotingJSONBody, Hashable {
    /// Queue → offsets, in the broker's order.
    public var offsetTable: OrderedMap<MessageQueue, TopicOffset>
    /// 5.x: the topic's put TPS; `nil` when absent (4.x).
    public var topicPutTps: Double?

    /// Makes a stats table.
    public init(offsetTable: OrderedMap<MessageQueue, TopicOffset> = [:], topicPutTps: Double? = nil) {
        self.offsetTable = offsetTable
        self.topicPutTps = topicPutTps
    }

    /// Messages stored across all queues (Σ max − min).
    public var totalMessages: Int64 {
        offsetTable.values.reduce(0) { $0 + ($1.maxOffset - $1.minOffset) }
    }

    /// Reads a TopicStatsTable in either dialect.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "TopicStatsTable")
        self.offsetTable = try reader.map("offsetTable", key: MessageQueue.key) { v throws(RemotingError) in
            try TopicOffset(json: v)
        } ?? [:]
        self.topicPutTps = try reader.double("topicPutTps")
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("offsetTable", BodyWriter.map(offsetTable, key: \.json, value: \.json))
        writer.set("topicPutTps", topicPutTps.map { .double($0) })
        return writer.json
    }
}
