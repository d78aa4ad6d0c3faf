/// The demo's verdict, computed by counting message ids: what was sent (acknowledged by a broker), what each
/// group received, how many deliveries were repeats, and which sent ids a group never received.
///
/// Pure: built from a ``DeliveryCounter`` snapshot (or any counts), so it is tested without a cluster.
public struct DemoVerdict: Sendable, Equatable {
    /// One group's figures.
    public struct GroupCount: Sendable, Equatable {
        /// The consumer group.
        public var group: String
        /// Acknowledged ids of the group's topics that the group received at least once.
        public var received: Int
        /// Acknowledged ids of the group's topics that the group never received.
        public var lost: Int
        /// Deliveries beyond the first of each id.
        public var duplicates: Int
    }

    /// Sends a broker acknowledged.
    public var sent: Int
    /// Per group, in the order of the subscriptions' sorted group names.
    public var groups: [GroupCount]
    /// Sends that reported an error. RocketMQ is at-least-once: such a message may still have been stored and
    /// delivered, so it is neither expected nor unexpected.
    public var unacknowledged: Int
    /// Distinct ids delivered that no send attempted (a misrouted or corrupted message; must stay 0).
    public var unexpected: Int

    /// Deliveries beyond the first, over every group.
    public var duplicates: Int { self.groups.reduce(0) { $0 + $1.duplicates } }
    /// Sent ids a group never received, summed over the groups.
    public var lost: Int { self.groups.reduce(0) { $0 + $1.lost } }
    /// Whether nothing was lost and nothing unexpected arrived.
    public var passed: Bool { self.lost == 0 && self.unexpected == 0 }

    /// Counts a run.
    /// - Parameters:
    ///   - sent: each acknowledged id with its topic.
    ///   - failed: ids whose send reported an error.
    ///   - deliveries: per group, how many times each id was delivered to it (groups not in `subscriptions` are
    ///     not counted).
    ///   - subscriptions: the topics each group reads; a group receives every sent id of those topics.
    public init(
        sent: [String: String], failed: Set<String>, deliveries: [String: [String: Int]],
        subscriptions: [String: Set<String>]
    ) {
        self.sent = sent.count
        self.unacknowledged = failed.count
        var unexpected: Set<String> = []
        self.groups = subscriptions.keys.sorted().map { group in
            let topics = subscriptions[group] ?? []
            let delivered = deliveries[group] ?? [:]
            var received = 0
            var lost = 0
            for (id, topic) in sent where topics.contains(topic) {
                if delivered[id] == nil { lost += 1 } else { received += 1 }
            }
            var duplicates = 0
            for (id, count) in delivered {
                duplicates += max(0, count - 1)
                if sent[id] == nil && !failed.contains(id) { unexpected.insert(id) }
            }
            return GroupCount(group: group, received: received, lost: lost, duplicates: duplicates)
        }
        self.unexpected = unexpected.count
    }

    /// `sent N, received N (group), N (group), duplicates D, lost L`, then what went astray when anything did.
    public var line: String {
        let received = self.groups.map { "\($0.received) (\($0.group))" }.joined(separator: ", ")
        var line = "sent \(self.sent), received \(received), duplicates \(self.duplicates), lost \(self.lost)"
        if self.unacknowledged > 0 { line += "; \(self.unacknowledged) sends unacknowledged" }
        if self.unexpected > 0 { line += "; \(self.unexpected) unexpected ids delivered" }
        return line
    }
}
