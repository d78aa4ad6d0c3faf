import RocketMQRemoting

/// The queue locks of orderly consumers (`RebalanceLockManager`): per group, which client holds each queue
/// and since when; a lock not renewed within ``maxLiveMillis`` may be taken by another client.
struct RebalanceLocks: Sendable {
    /// One held queue (`LockEntry`).
    struct Entry: Sendable, Hashable {
        var clientId: String
        var lastUpdateTimestamp: Int64
    }

    /// `rocketmq.broker.rebalance.lockMaxLiveTime`: 60 s.
    static let maxLiveMillis: Int64 = 60_000
    /// The most locks kept over all groups: a peer naming made-up queues cannot grow the table further.
    static let maxEntries = 100_000

    /// group → queue → holder.
    private(set) var table: [String: [MessageQueue: Entry]] = [:]
    private var count = 0

    /// `tryLockBatch`: locks or renews every queue that is free, expired or already held by `clientId`;
    /// returns those the client now holds, in the order asked.
    mutating func tryLock(group: String, queues: [MessageQueue], clientId: String, now: Int64) -> [MessageQueue] {
        var locked: [MessageQueue] = []
        for queue in queues {
            if let entry = self.table[group]?[queue] {
                guard entry.clientId == clientId || now - entry.lastUpdateTimestamp > Self.maxLiveMillis else { continue }
            } else {
                if self.count >= Self.maxEntries { self.dropExpired(now: now) }
                guard self.count < Self.maxEntries else { continue }
                self.count += 1
            }
            self.table[group, default: [:]][queue] = Entry(clientId: clientId, lastUpdateTimestamp: now)
            locked.append(queue)
        }
        return locked
    }

    /// `unlockBatch`: releases the queues `clientId` holds; others' locks stay.
    mutating func unlock(group: String, queues: [MessageQueue], clientId: String) {
        for queue in queues where self.table[group]?[queue]?.clientId == clientId {
            self.table[group]?[queue] = nil
            self.count -= 1
        }
        if self.table[group]?.isEmpty == true { self.table[group] = nil }
    }

    private mutating func dropExpired(now: Int64) {
        for group in Array(self.table.keys) {
            let kept = self.table[group]?.filter { now - $0.value.lastUpdateTimestamp <= Self.maxLiveMillis } ?? [:]
            self.count -= (self.table[group]?.count ?? 0) - kept.count
            self.table[group] = kept.isEmpty ? nil : kept
        }
    }
}
