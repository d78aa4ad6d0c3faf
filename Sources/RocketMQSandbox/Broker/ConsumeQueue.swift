/// One queue's kept entries with logical offsets: the head can be dropped (the queue's min offset grows)
/// without moving the rest, and offsets stay those the entries were written at.
struct ConsumeQueue: Sendable {
    private var entries: [MessageStore.Entry] = []
    /// Index in `entries` of the oldest kept entry; the slots before it are released lazily.
    private var head = 0
    /// The logical offset of the oldest kept entry.
    private(set) var minOffset: Int64 = 0

    /// The logical offset the next entry gets.
    var maxOffset: Int64 { self.minOffset + Int64(self.count) }
    /// How many entries are kept.
    var count: Int { self.entries.count - self.head }
    /// The oldest kept entry.
    var first: MessageStore.Entry? { self.count > 0 ? self.entries[self.head] : nil }
    /// The newest entry.
    var last: MessageStore.Entry? { self.count > 0 ? self.entries.last : nil }

    /// The entry at a logical offset, `nil` outside `minOffset..<maxOffset`.
    func entry(at offset: Int64) -> MessageStore.Entry? {
        guard offset >= self.minOffset, offset < self.maxOffset else { return nil }
        return self.entries[self.head + Int(offset - self.minOffset)]
    }

    /// Appends an entry at ``maxOffset``.
    mutating func append(_ entry: MessageStore.Entry) {
        self.entries.append(entry)
    }

    /// Drops the oldest entry; the min offset moves up by one.
    mutating func removeFirst() -> MessageStore.Entry? {
        guard let first = self.first else { return nil }
        self.head += 1
        self.minOffset += 1
        // Release dropped slots once they are half the storage, so a drop costs O(1) amortized.
        if self.head > 1024, self.head * 2 > self.entries.count {
            self.entries.removeFirst(self.head)
            self.head = 0
        }
        return first
    }

    /// Keeps only the entries for which `shouldRemove` is false; used on the commit-log order only, whose
    /// offsets are not logical offsets.
    mutating func removeAll(where shouldRemove: (MessageStore.Entry) -> Bool) {
        self.entries = self.entries[self.head...].filter { !shouldRemove($0) }
        self.head = 0
    }
}
