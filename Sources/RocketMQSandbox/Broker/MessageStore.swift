import NIOCore
import RocketMQRemoting

/// The broker's in-memory message store: a commit log position counter and one consume queue per
/// topic/queue (`DefaultMessageStore`, `CommitLog`, `ConsumeQueue` without the files).
///
/// Each entry keeps the message already encoded in the store format, so a pull body is the concatenation
/// of stored bytes, exactly as a real broker sends it.
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

    private(set) var queues: [QueueKey: [Entry]] = [:]
    /// commitLogOffset → where the entry lives.
    private var commitLogIndex: [Int64: (QueueKey, Int)] = [:]
    /// The next commit-log position (grows by each message's store size, like the real commit log).
    private(set) var commitLogMaxOffset: Int64 = 0

    /// Stores `message` at the tail of its queue, filling in queue offset, commit-log offset and store time.
    mutating func put(_ message: MessageExt, tagsCode: Int64? = nil) -> MessageExt {
        var message = message
        let key = QueueKey(topic: message.topic, queueId: message.queueId)
        message.queueOffset = Int64(self.queues[key]?.count ?? 0)
        message.commitLogOffset = self.commitLogMaxOffset
        var bytes = ByteBuffer()
        bytes.reserveCapacity(message.storeSize)
        message.encode(into: &bytes)
        self.commitLogMaxOffset += Int64(bytes.readableBytes)
        let code = tagsCode ?? Int64(message.tags?.javaHashCode ?? 0)
        let entry = Entry(
            bytes: bytes, tagsCode: code, storeTimestamp: message.storeTimestamp,
            commitLogOffset: message.commitLogOffset)
        self.queues[key, default: []].append(entry)
        self.commitLogIndex[message.commitLogOffset] = (key, Int(message.queueOffset))
        return message
    }

    /// The message stored at a commit-log offset (`lookMessageByOffset`).
    func message(atCommitLogOffset offset: Int64) -> MessageExt? {
        guard let (key, index) = self.commitLogIndex[offset], var bytes = self.queues[key]?[index].bytes else { return nil }
        return try? MessageExt.decode(from: &bytes)
    }

    /// The entry at a queue offset.
    func entry(topic: String, queueId: Int32, offset: Int64) -> Entry? {
        guard let entries = self.queues[QueueKey(topic: topic, queueId: queueId)], offset >= 0, offset < entries.count
        else { return nil }
        return entries[Int(offset)]
    }

    /// The logical max offset of a queue (the next offset to be written); 0 for an unknown queue.
    func maxOffset(topic: String, queueId: Int32) -> Int64 {
        Int64(self.queues[QueueKey(topic: topic, queueId: queueId)]?.count ?? 0)
    }

    /// The logical min offset (nothing is ever deleted, so 0).
    func minOffset(topic: String, queueId: Int32) -> Int64 { 0 }

    /// The store time of the last message in a queue, 0 when empty.
    func lastStoreTimestamp(topic: String, queueId: Int32) -> Int64 {
        self.queues[QueueKey(topic: topic, queueId: queueId)]?.last?.storeTimestamp ?? 0
    }

    /// The first offset whose message was stored at or after `timestamp` (`getOffsetInQueueByTime`).
    func offset(topic: String, queueId: Int32, storedAtOrAfter timestamp: Int64) -> Int64 {
        let entries = self.queues[QueueKey(topic: topic, queueId: queueId)] ?? []
        return Int64(entries.firstIndex { $0.storeTimestamp >= timestamp } ?? entries.count)
    }

    /// Drops every queue of `topic` (DELETE_TOPIC_IN_BROKER).
    mutating func deleteTopic(_ topic: String) {
        for key in self.queues.keys where key.topic == topic { self.queues[key] = nil }
    }

    /// Reads up to `maxCount` messages from `offset` whose tags code is in `codes` (all when `codes` is nil),
    /// with `DefaultMessageStore.getMessage`'s statuses and next offsets. At most `maxBytes` are returned.
    func read(
        topic: String, queueId: Int32, offset: Int64, maxCount: Int, codes: Set<Int64>?, maxBytes: Int = 256 * 1024
    ) -> ReadResult {
        let entries = self.queues[QueueKey(topic: topic, queueId: queueId)] ?? []
        let minOffset: Int64 = 0
        let maxOffset = Int64(entries.count)
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
            result.nextBeginOffset = minOffset == 0 ? minOffset : maxOffset
        } else {
            var index = Int(offset)
            var bytes = 0
            // A read scans a bounded number of entries, as a consume-queue read does.
            let scanLimit = max(maxCount, 16) * 50
            var scanned = 0
            while index < entries.count, result.messages.count < maxCount, scanned < scanLimit {
                let entry = entries[index]
                if !result.messages.isEmpty, bytes + entry.bytes.readableBytes > maxBytes { break }
                index += 1
                scanned += 1
                if let codes, !codes.contains(entry.tagsCode) { continue }
                result.messages.append(entry.bytes)
                bytes += entry.bytes.readableBytes
            }
            result.nextBeginOffset = Int64(index)
            result.status = result.messages.isEmpty ? "NO_MATCHED_MESSAGE" : "FOUND"
        }
        return result
    }
}
