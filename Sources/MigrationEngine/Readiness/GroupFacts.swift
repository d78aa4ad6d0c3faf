/// What the facts say about one consumer group of a topic.
public struct GroupFacts: Sendable, Equatable {
    /// The consumer group.
    public var group: String
    /// Whether the group's subscription config exists on the target cluster.
    public var existsOnTarget: Bool
    /// Addresses (`host:port`, as GET_CONSUMER_CONNECTION_LIST reports `clientAddr`) of the group's clients
    /// connected to the source.
    public var sourceClients: Set<String>
    /// Addresses of the group's clients connected to the target.
    public var targetClients: Set<String>
    /// Messages not yet consumed on the source, per queue (GET_CONSUME_STATS: broker offset − consumer offset).
    public var sourceBacklog: [QueueKey: Int64]
    /// Messages not yet consumed in the group's `%RETRY%<group>` topic on the source.
    public var sourceRetryBacklog: Int64
    /// The group's committed offset per queue on the source (GET_CONSUME_STATS `consumerOffset`; 0 where it
    /// has committed none).
    public var sourceConsumed: [QueueKey: Int64]
    /// The group's committed offset per queue on the target, or `nil` when the target's offsets were not read
    /// (before Dual read, or the target did not answer).
    public var targetConsumed: [QueueKey: Int64]?
    /// Messages not yet consumed on the target, per queue, or `nil` when not read.
    public var targetBacklog: [QueueKey: Int64]?

    /// Makes the facts of one group.
    public init(
        group: String,
        existsOnTarget: Bool = true,
        sourceClients: Set<String> = [],
        targetClients: Set<String> = [],
        sourceBacklog: [QueueKey: Int64] = [:],
        sourceRetryBacklog: Int64 = 0,
        sourceConsumed: [QueueKey: Int64] = [:],
        targetConsumed: [QueueKey: Int64]? = nil,
        targetBacklog: [QueueKey: Int64]? = nil
    ) {
        self.group = group
        self.existsOnTarget = existsOnTarget
        self.sourceClients = sourceClients
        self.targetClients = targetClients
        self.sourceBacklog = sourceBacklog
        self.sourceRetryBacklog = sourceRetryBacklog
        self.sourceConsumed = sourceConsumed
        self.targetConsumed = targetConsumed
        self.targetBacklog = targetBacklog
    }

    /// The group's total source backlog (negative per-queue values count as zero; the sum saturates).
    public var totalSourceBacklog: Int64 { Self.total(sourceBacklog) }

    /// The group's consumed offsets and backlog on `side`, summed over queues; `nil` when that side's offsets
    /// were not read.
    public func progress(on side: ClusterSide) -> ConsumerProgress? {
        switch side {
        case .source:
            return ConsumerProgress(consumed: Self.total(sourceConsumed), backlog: totalSourceBacklog)
        case .target:
            guard let targetConsumed, let targetBacklog else { return nil }
            return ConsumerProgress(consumed: Self.total(targetConsumed), backlog: Self.total(targetBacklog))
        }
    }

    /// The sum of `values` (negative values count as zero; the sum saturates).
    static func total(_ values: [QueueKey: Int64]) -> Int64 {
        values.values.reduce(into: Int64(0)) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(max(value, 0))
            total = overflow ? .max : sum
        }
    }
}

/// What the facts say about one producer group that writes the topic.
public struct ProducerFacts: Sendable, Equatable {
    /// The producer group.
    public var group: String
    /// Addresses of the group's producers connected to the source (GET_PRODUCER_CONNECTION_LIST or
    /// GET_ALL_PRODUCER_INFO).
    public var sourceClients: Set<String>

    /// Makes the facts of one producer group.
    public init(group: String, sourceClients: Set<String>) {
        self.group = group
        self.sourceClients = sourceClients
    }
}
