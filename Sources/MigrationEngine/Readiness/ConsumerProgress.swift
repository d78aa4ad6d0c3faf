/// How far one consumer group has read a topic on one cluster, from broker offsets.
public struct ConsumerProgress: Sendable, Equatable, Codable {
    /// The group's committed offsets summed over the topic's queues: messages it has consumed since each queue
    /// began (GET_CONSUME_STATS `consumerOffset`). Offsets can move back (an offset reset, a recreated topic).
    public var consumed: Int64
    /// Messages written but not yet consumed, summed over the queues (broker offset − consumer offset).
    public var backlog: Int64

    /// Makes a reading.
    public init(consumed: Int64, backlog: Int64) {
        self.consumed = consumed
        self.backlog = backlog
    }
}

/// One consumer group's progress on each side of a topic, as `status` and the metrics carry it.
public struct GroupTraffic: Sendable, Equatable, Codable {
    /// The consumer group.
    public var group: String
    /// Its progress on the source, or `nil` when unknown.
    public var source: ConsumerProgress?
    /// Its progress on the target, or `nil` when unknown (the target's offsets are read from Dual read on).
    public var target: ConsumerProgress?

    /// Makes a row.
    public init(group: String, source: ConsumerProgress?, target: ConsumerProgress?) {
        self.group = group
        self.source = source
        self.target = target
    }

    /// Each group of `facts` with its progress on both sides, in the facts' order.
    public static func rows(of facts: TopicFacts) -> [GroupTraffic] {
        facts.groups.map { GroupTraffic(group: $0.group, source: $0.progress(on: .source), target: $0.progress(on: .target)) }
    }
}
