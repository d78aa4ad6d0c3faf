internal import MigrationEngine
internal import RocketMQRemoting

/// One cluster's offsets as one gathering pass read them in bulk: every master's committed consumer offsets
/// (GET_ALL_CONSUMER_OFFSET) and the stats of the topics asked about (GET_TOPIC_STATS_INFO). Per group and
/// queue this is what GET_CONSUME_STATS answers (`brokerOffset`, `consumerOffset`), read with one request per
/// master instead of one per group and topic.
struct ClusterOffsets: Sendable {
    /// Committed offsets per master address.
    var committed: [String: ConsumerOffsetTable] = [:]
    /// Topic stats per topic, per master address.
    var stats: [String: [String: TopicStatsTable]] = [:]

    /// Every queue's max offset of `topic`.
    func maxOffsets(_ topic: String) -> [QueueKey: Int64] {
        var offsets: [QueueKey: Int64] = [:]
        for table in stats.values.compactMap({ $0[topic] }) {
            for (queue, offset) in table.offsetTable {
                offsets[QueueKey(brokerName: queue.brokerName, queueId: Int(queue.queueId))] = offset.maxOffset
            }
        }
        return offsets
    }

    /// The newest store time of a last message in any queue of `topic` (0 when none).
    func lastStoredAt(_ topic: String) -> Int64 {
        stats.values.compactMap { $0[topic] }.flatMap { $0.offsetTable.values.map(\.lastUpdateTimestamp) }.max() ?? 0
    }

    /// Messages of `topic` not yet consumed by `group`, per queue; a queue without a committed offset counts
    /// from its min offset.
    func backlog(topic: String, group: String) -> [QueueKey: Int64] {
        var backlog: [QueueKey: Int64] = [:]
        for (master, byTopic) in stats {
            guard let table = byTopic[topic] else { continue }
            let done = committed[master]?.offsets(topic: topic, group: group)
            for (queue, offset) in table.offsetTable {
                let consumed = done?[queue.queueId] ?? offset.minOffset
                let (diff, overflow) = offset.maxOffset.subtractingReportingOverflow(consumed)
                backlog[QueueKey(brokerName: queue.brokerName, queueId: Int(queue.queueId))] = overflow ? .max : max(diff, 0)
            }
        }
        return backlog
    }

    /// `group`'s committed offset of each queue of `topic` (0 where it committed none, as GET_CONSUME_STATS
    /// reports it).
    func consumed(topic: String, group: String) -> [QueueKey: Int64] {
        var consumed: [QueueKey: Int64] = [:]
        for (master, byTopic) in stats {
            guard let table = byTopic[topic] else { continue }
            let done = committed[master]?.offsets(topic: topic, group: group)
            for queue in table.offsetTable.keys {
                consumed[QueueKey(brokerName: queue.brokerName, queueId: Int(queue.queueId))] = max(done?[queue.queueId] ?? 0, 0)
            }
        }
        return consumed
    }

    /// Whether the stats of `topic` were read from at least one master.
    func hasStats(_ topic: String) -> Bool {
        stats.values.contains { $0[topic] != nil }
    }
}
