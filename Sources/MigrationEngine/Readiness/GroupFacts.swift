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

    /// Makes the facts of one group.
    public init(
        group: String,
        existsOnTarget: Bool = true,
        sourceClients: Set<String> = [],
        targetClients: Set<String> = [],
        sourceBacklog: [QueueKey: Int64] = [:],
        sourceRetryBacklog: Int64 = 0
    ) {
        self.group = group
        self.existsOnTarget = existsOnTarget
        self.sourceClients = sourceClients
        self.targetClients = targetClients
        self.sourceBacklog = sourceBacklog
        self.sourceRetryBacklog = sourceRetryBacklog
    }

    /// The group's total source backlog (negative per-queue values count as zero; the sum saturates).
    public var totalSourceBacklog: Int64 {
        sourceBacklog.values.reduce(into: Int64(0)) { total, value in
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
