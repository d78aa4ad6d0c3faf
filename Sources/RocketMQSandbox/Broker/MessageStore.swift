import NIOCore
import RocketMQRemoting

/// The broker's in-memory message store: a commit log position counter and one consume queue per
/// topic/queue (`DefaultMessageStore`, `CommitLog`, `ConsumeQueue` without the files).
///
/// Each entry keeps the message already encoded in the store format, so a pull body is the concatenation
/// of stored bytes, exactly as a real broker sends it. The store holds at most ``capacity`` bytes: past it,
/// the oldest messages of the commit log are dropped as a real broker deletes its oldest commit-log files when
/// the disk fills, so queues get a real min offset (OFFSET_TOO_SMALL, QUERY_CONSUMER_OFFSET's QUERY_NOT_FOUND).
struct MessageStore: Sendable {
    /// A topic and queue id.
    struct QueueKey: Sendable, Hashable {
        var topic: String
        var queueId: Int32
    }

    /// One consume-queue entry.
    struct Entry: Sendable {
        /// The message in the store format.
        var bytes: ByteBuffer
        /// `tags.hashCode()`, or the delivery time for SCHEDULE_TOPIC_XXXX entries (`tagsCode`).
        var tagsCode: Int64
        var storeTimestamp: Int64
        var commitLogOffset: Int64
    }

    /// The result of reading a queue (`GetMessageResult`).
    struct ReadResult: Sendable {
        /// `GetMessageStatus` name: FOUND, NO_MATCHED_MESSAGE, NO_MESSAGE_IN_QUEUE, OFFSET_OVERFLOW_ONE, …
        var status: String
        var messages: [ByteBuffer]
        var nextBeginOffset: Int64
        var minOffset: Int64
        var maxOffset: Int64
    }

    /// The bytes of message data the store keeps before dropping the oldest messages.
    let capacity: Int
    private(set) var queues: [QueueKey: ConsumeQueue] = [:]
    /// commitLogOffset → queue and queue offset of every kept message.
    private var commitLogIndex: [Int64: (QueueKey, Int64)] = [:]
    /// The kept messages' commit-log offsets, oldest first (the order in which they are dropped).
    private var commitLog = ConsumeQueue()
    /// The bytes of every kept message.
    private(set) var storedBytes = 0
    /// The next commit-log position (grows by each message's store size, like the real commit log).
    private(set) var commitLogMaxOffset: Int64 = 0
    /// Put, get and transfer counters (`StoreStatsService`).
    private(set) var stats: StoreStats

    /// A store booted at `now` keeping at most `capacity` bytes of messages.
    init(capacity: Int, now: Int64) {
        self.capacity = max(capacity, 1)
        self.stats = StoreStats(now: now)
    }

    /// How many messages the store keeps.
    var messageCount: Int { self.commitLog.count }

    /// The commit-log offset of the oldest kept message (`getMinPhyOffset`); the max offset when empty.
    var commitLogMinOffset: Int64 { self.commitLog.first?.commitLogOffset ?? self.commitLogMaxOffset }

    /// The store time of the oldest kept message (`getEarliestMessageTime`), -1 when empty.
    var earliestStoreTimestamp: Int64 { self.commitLog.first?.storeTimestamp ?? -1 }

    /// Stores `message` at the tail of its queue, filling in queue offset, commit-log offset and store time,
    /// then drops the oldest messages while the store is over capacity.
    mutating func put(_ message: MessageExt, tagsCode: Int64? = nil) -> MessageExt {
        var message = message
        let key = QueueKey(topic: message.topic, queueId: message.queueId)
        message.queueOffset = self.queues[key]?.maxOffset ?? 0
        message.commitLogOffset = self.commitLogMaxOffset
        var bytes = ByteBuffer()
        bytes.reserveCapacity(message.storeSize)
        message.encode(into: &bytes)
        self.commitLogMaxOffset += Int64(bytes.readableBytes)
        let code = tagsCode ?? Int64(message.tags?.javaHashCode ?? 0)
        let entry = Entry(
            bytes: bytes, tagsCode: code, storeTimestamp: message.storeTimestamp,
            commitLogOffset: message.commitLogOffset)
        self.queues[key, default: ConsumeQueue()].append(entry)
        self.commitLog.append(Entry(
            bytes: ByteBuffer(), tagsCode: 0, storeTimestamp: entry.storeTimestamp, commitLogOffset: entry.commitLogOffset))
        self.commitLogIndex[message.commitLogOffset] = (key, message.queueOffset)
        self.storedBytes += bytes.readableBytes
        self.stats.recordPut(size: bytes.readableBytes, now: message.storeTimestamp)
        self.dropOldest()
        return message
    }

    /// Drops the oldest messages until the store is within capacity, always keeping the newest one.
    private mutating func dropOldest() {
        while self.storedBytes > self.capacity, self.commitLog.count > 1, let oldest = self.commitLog.removeFirst() {
            guard let (key, _) = self.commitLogIndex.removeValue(forKey: oldest.commitLogOffset),
                let dropped = self.queues[key]?.removeFirst()
            else { continue }
            self.storedBytes -= dropped.bytes.readableBytes
        }
    }

    /// Counts one answered read at `now` that returned `messages` messages.
    mutating func recordRead(messages: Int, now: Int64) {
        self.stats.recordGet(messages: messages, now: now)
    }

    /// Takes the statistics samples due at `now`.
    mutating func sampleStats(now: Int64) {
        self.stats.advance(to: now)
    }

    /// The message stored at a commit-log offset (`lookMessageByOffset`).
    func message(atCommitLogOffset offset: Int64) -> MessageExt? {
        guard let (key, queueOffset) = self.commitLogIndex[offset],
            var bytes = self.queues[key]?.entry(at: queueOffset)?.bytes
        else { return nil }
        return try? MessageExt.decode(from: &bytes)
    }

    /// The entry at a queue offset.
    func entry(topic: String, queueId: Int32, offset: Int64) -> Entry? {
        self.queues[QueueKey(topic: topic, queueId: queueId)]?.entry(at: offset)
    }

    /// The logical max offset of a queue (the next offset to be written); 0 for an unknown queue.
    func maxOffset(topic: String, queueId: Int32) -> Int64 {
        self.queues[QueueKey(topic: topic, queueId: queueId)]?.maxOffset ?? 0
    }

    /// The logical min offset of a queue: the offset of its oldest kept message; 0 for an unknown queue.
    func minOffset(topic: String, queueId: Int32) -> Int64 {
        self.queues[QueueKey(topic: topic, queueId: queueId)]?.minOffset ?? 0
    }

    /// The store time of the last message in a queue, 0 when empty.
    func lastStoreTimestamp(topic: String, queueId: Int32) -> Int64 {
        self.queues[QueueKey(topic: topic, queueId: queueId)]?.last?.storeTimestamp ?? 0
    }

    /// The offset for a store time, as `ConsumeQueue.getOffsetInQueueByTime`: a binary search over the kept
    /// entries; an exact match wins, else the nearer of the two neighbours (the earlier on a tie), so a time
    /// before every message gives the min offset and a time after every message gives max − 1. 0 when empty.
    func offset(topic: String, queueId: Int32, storedAt timestamp: Int64) -> Int64 {
        guard let queue = self.queues[QueueKey(topic: topic, queueId: queueId)], queue.count > 0 else { return 0 }
        var low = queue.minOffset
        var high = queue.maxOffset - 1
        var left: (offset: Int64, time: Int64)?
        var right: (offset: Int64, time: Int64)?
        while high >= low {
            let middle = low + (high - low) / 2
            guard let time = queue.entry(at: middle)?.storeTimestamp else { return 0 }
            if time == timestamp { return middle }
            if time > timestamp {
                high = middle - 1
                right = (middle, time)
            } else {
                low = middle + 1
                left = (middle, time)
            }
        }
        switch (left, right) {
        case (nil, let right?): return right.offset
        case (let left?, nil): return left.offset
        case (let left?, let right?):
            return timestamp.subtractingReportingOverflow(left.time).partialValue
                > right.time.subtractingReportingOverflow(timestamp).partialValue ? right.offset : left.offset
        case (nil, nil): return 0
        }
    }

    /// Drops every queue of `topic` (DELETE_TOPIC_IN_BROKER → `cleanUnusedTopic`); a recreated topic starts at 0.
    mutating func deleteTopic(_ topic: String) {
        for key in self.queues.keys where key.topic == topic {
            guard let queue = self.queues.removeValue(forKey: key) else { continue }
            for offset in queue.minOffset..<queue.maxOffset {
                guard let entry = queue.entry(at: offset) else { continue }
                self.commitLogIndex[entry.commitLogOffset] = nil
                self.storedBytes -= entry.bytes.readableBytes
            }
        }
        let kept = self.commitLogIndex
        self.commitLog.removeAll { kept[$0.commitLogOffset] == nil }
    }

    /// Reads up to `maxCount` messages from `offset` whose tags code is in `codes` (all when `codes` is nil),
    /// with 4.9.8 `DefaultMessageStore.getMessage`'s statuses and next offsets (an offset past the end moves
    /// to the max offset). At most `maxBytes` are returned.
    func read(
        topic: String, queueId: Int32, offset: Int64, maxCount: Int, codes: Set<Int64>?, maxBytes: Int = 256 * 1024
    ) -> ReadResult {
        let queue = self.queues[QueueKey(topic: topic, queueId: queueId)] ?? ConsumeQueue()
        let minOffset = queue.minOffset
        let maxOffset = queue.maxOffset
        var result = ReadResult(
            status: "", messages: [], nextBeginOffset: offset, minOffset: minOffset, maxOffset: maxOffset)
        if maxOffset == 0 {
            result.status = "NO_MESSAGE_IN_QUEUE"
            result.nextBeginOffset = 0
        } else if offset < minOffset {
            result.status = "OFFSET_TOO_SMALL"
            result.nextBeginOffset = minOffset
        } else if offset == maxOffset {
            result.status = "OFFSET_OVERFLOW_ONE"
            result.nextBeginOffset = offset
        } else if offset > maxOffset {
            result.status = "OFFSET_OVERFLOW_BADLY"
            result.nextBeginOffset = maxOffset
        } else {
            var next = offset
            var bytes = 0
            // A read scans a bounded number of entries, as a consume-queue read does.
            let scanLimit = max(maxCount, 16) * 50
            var scanned = 0
            while let entry = queue.entry(at: next), result.messages.count < maxCount, scanned < scanLimit {
                if !result.messages.isEmpty, bytes + entry.bytes.readableBytes > maxBytes { break }
                next += 1
                scanned += 1
                if let codes, !codes.contains(entry.tagsCode) { continue }
                result.messages.append(entry.bytes)
                bytes += entry.bytes.readableBytes
            }
            result.nextBeginOffset = next
            result.status = result.messages.isEmpty ? "NO_MATCHED_MESSAGE" : "FOUND"
        }
        return result
    }
}
