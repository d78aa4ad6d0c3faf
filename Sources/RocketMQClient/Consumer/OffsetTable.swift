internal import RocketMQRemoting

/// The consumer's offsets per queue: the next offset to consume, and what was last committed to the
/// broker (`RemoteBrokerOffsetStore`'s table).
struct OffsetTable: Sendable {
    private var consumed: [MessageQueue: Int64] = [:]
    private var committed: [MessageQueue: Int64] = [:]

    /// The next offset to consume on `queue`, if known.
    func offset(of queue: MessageQueue) -> Int64? { self.consumed[queue] }

    /// Records that everything before `offset` on `queue` is consumed.
    mutating func update(_ queue: MessageQueue, to offset: Int64) {
        self.consumed[queue] = offset
    }

    /// The offsets that changed since they were last committed, sorted by queue.
    var uncommitted: [(MessageQueue, Int64)] {
        self.consumed.filter { self.committed[$0.key] != $0.value }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Records that `offset` was committed for `queue`.
    mutating func markCommitted(_ queue: MessageQueue, _ offset: Int64) {
        self.committed[queue] = offset
    }

    /// Forgets `queue` (it now belongs to another consumer).
    mutating func remove(_ queue: MessageQueue) {
        self.consumed[queue] = nil
        self.committed[queue] = nil
    }
}
