internal import RocketMQClient
internal import RocketMQRemoting

/// Counts, per real topic, the delayed and transactional half messages still pending on one broker.
///
/// * Delayed: queue `level - 1` of `SCHEDULE_TOPIC_XXXX` between the delivery progress (GET_ALL_DELAY_OFFSET)
///   and its max offset; each message's `REAL_TOPIC` property names its topic.
/// * Half: `RMQ_SYS_TRANS_HALF_TOPIC` from the transaction checker's offset (`CID_RMQ_SYS_TRANS`) to its max,
///   less the half offsets the `RMQ_SYS_TRANS_OP_HALF_TOPIC` messages (tag `d`) mark as committed or rolled
///   back. A half message the checker put back counts until its op arrives (an over-count only delays a step).
///
/// At most ``limit`` messages are read per kind and pass; past that the counts are unknown (`nil`), so the
/// drain checks refuse rather than guess.
struct PendingMessageScanner: Sendable {
    static let scheduleTopic = "SCHEDULE_TOPIC_XXXX"
    static let halfTopic = "RMQ_SYS_TRANS_HALF_TOPIC"
    static let opHalfTopic = "RMQ_SYS_TRANS_OP_HALF_TOPIC"
    static let transactionGroup = "CID_RMQ_SYS_TRANS"

    /// The admin of the source cluster.
    let admin: RocketMQAdmin
    /// Messages read per kind and broker at most.
    let limit: Int

    /// Pending counts by real topic, `nil` when unknown, and the requests sent.
    struct Counts: Sendable {
        var byTopic: [String: Int64]?
        var requests: Int
    }

    /// Delayed messages pending on `broker`, by real topic.
    func delayed(broker: String) async -> Counts {
        var requests = 2
        guard let progress = try? await admin.delayOffsets(broker: broker),
            let stats = try? await admin.topicStats(Self.scheduleTopic, broker: broker)
        else { return Counts(byTopic: nil, requests: requests) }
        var counts: [String: Int64] = [:]
        var budget = limit
        for (queue, offsets) in stats.offsetTable {
            let delivered = progress.offsetTable[queue.queueId + 1] ?? 0
            let scan = await self.scan(
                topic: Self.scheduleTopic, queueId: queue.queueId, from: max(delivered, offsets.minOffset),
                to: offsets.maxOffset, broker: broker, budget: &budget)
            requests += scan.requests
            guard let messages = scan.messages else { return Counts(byTopic: nil, requests: requests) }
            for message in messages {
                counts[message.properties[MessageProperties.realTopic] ?? "", default: 0] += 1
            }
        }
        return Counts(byTopic: counts, requests: requests)
    }

    /// Half messages pending on `broker`, by real topic; `checked` are the committed consumer offsets of the
    /// broker (GET_ALL_CONSUMER_OFFSET), which hold the transaction checker's progress.
    func half(broker: String, checked: ConsumerOffsetTable?) async -> Counts {
        var requests = 1
        guard let halfStats = try? await admin.topicStats(Self.halfTopic, broker: broker) else {
            return Counts(byTopic: nil, requests: requests)
        }
        var budget = limit
        var done: Set<Int64> = []
        requests += 1
        if let opStats = try? await admin.topicStats(Self.opHalfTopic, broker: broker) {
            for (queue, offsets) in opStats.offsetTable {
                let from = checked?.offsets(topic: Self.opHalfTopic, group: Self.transactionGroup)?[queue.queueId] ?? 0
                let scan = await self.scan(
                    topic: Self.opHalfTopic, queueId: queue.queueId, from: max(from, offsets.minOffset),
                    to: offsets.maxOffset, broker: broker, budget: &budget)
                requests += scan.requests
                guard let messages = scan.messages else { return Counts(byTopic: nil, requests: requests) }
                for message in messages where message.tags == "d" {
                    let text = String(decoding: message.body, as: UTF8.self)
                    done.formUnion(text.split(separator: ",").compactMap { Int64($0) })
                }
            }
        }
        var counts: [String: Int64] = [:]
        for (queue, offsets) in halfStats.offsetTable {
            let from = checked?.offsets(topic: Self.halfTopic, group: Self.transactionGroup)?[queue.queueId] ?? 0
            let scan = await self.scan(
                topic: Self.halfTopic, queueId: queue.queueId, from: max(from, offsets.minOffset), to: offsets.maxOffset,
                broker: broker, budget: &budget)
            requests += scan.requests
            guard let messages = scan.messages else { return Counts(byTopic: nil, requests: requests) }
            for message in messages where !done.contains(message.queueOffset) {
                counts[message.properties[MessageProperties.realTopic] ?? "", default: 0] += 1
            }
        }
        return Counts(byTopic: counts, requests: requests)
    }

    /// Reads `[from, to)` of one queue; `nil` messages when the budget runs out or a read fails.
    private func scan(
        topic: String, queueId: Int32, from: Int64, to: Int64, broker: String, budget: inout Int
    ) async -> (messages: [MessageExt]?, requests: Int) {
        var offset = from
        var messages: [MessageExt] = []
        var requests = 0
        while offset < to {
            guard budget > 0 else { return (nil, requests) }
            requests += 1
            guard let page = try? await admin.peekMessages(topic: topic, queueId: queueId, offset: offset, broker: broker),
                page.nextOffset > offset
            else { return (nil, requests) }
            let fresh = page.messages.filter { $0.queueOffset >= offset && $0.queueOffset < to }
            messages += fresh
            budget -= max(fresh.count, 1)
            offset = page.nextOffset
        }
        return (messages, requests)
    }
}
