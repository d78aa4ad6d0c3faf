/// Everything readiness knows about one topic of a task at one moment: gathered from both clusters and the
/// routing proxy by the I/O layer, judged here without I/O.
///
/// Counts the gatherer could not read are `nil`; a check that needs one then fails with "unknown" rather
/// than guessing.
public struct TopicFacts: Sendable, Equatable {
    /// The topic.
    public var topic: String
    /// When the facts were gathered (Unix milliseconds).
    public var gatheredAt: Int64
    /// Why the target could not be reached, or `nil` when it answered.
    public var targetUnreachable: String?
    /// Whether the topic's config exists on the target.
    public var topicOnTarget: Bool
    /// Broker names of the source cluster.
    public var sourceBrokerNames: Set<String>
    /// Broker names of the target cluster.
    public var targetBrokerNames: Set<String>
    /// The topic's consumer groups.
    public var groups: [GroupFacts]
    /// The producer groups known to write the topic.
    public var producers: [ProducerFacts]
    /// Hosts (the part before `:`) of the connections that queried this topic's route through the proxy.
    public var proxyClientHosts: Set<String>
    /// Write progress of the topic's queues on the source.
    public var sourceWrites: WriteProgress
    /// Write progress of the topic's queues on the target.
    public var targetWrites: WriteProgress
    /// Delayed messages for this topic still waiting in the source's `SCHEDULE_TOPIC_XXXX`.
    public var pendingDelayed: Int64?
    /// Transactional half messages for this topic on the source with no commit or rollback yet.
    public var pendingHalf: Int64?
    /// What the target's route offers producers; `nil` when it was not read (gathered only while the topic's
    /// next step makes producers write to the target alone: Dual read/write and Cutting over).
    public var targetRoute: TargetRouteFacts?
    /// The source route's `orderTopicConf` (an ordered topic), or `nil` when it has none.
    public var sourceOrderTopicConf: String?

    /// Makes facts; the defaults describe a reachable target with nothing on it.
    public init(
        topic: String,
        gatheredAt: Int64,
        targetUnreachable: String? = nil,
        topicOnTarget: Bool = true,
        sourceBrokerNames: Set<String> = [],
        targetBrokerNames: Set<String> = [],
        groups: [GroupFacts] = [],
        producers: [ProducerFacts] = [],
        proxyClientHosts: Set<String> = [],
        sourceWrites: WriteProgress = WriteProgress(),
        targetWrites: WriteProgress = WriteProgress(),
        pendingDelayed: Int64? = 0,
        pendingHalf: Int64? = 0,
        targetRoute: TargetRouteFacts? = nil,
        sourceOrderTopicConf: String? = nil
    ) {
        self.topic = topic
        self.gatheredAt = gatheredAt
        self.targetUnreachable = targetUnreachable
        self.topicOnTarget = topicOnTarget
        self.sourceBrokerNames = sourceBrokerNames
        self.targetBrokerNames = targetBrokerNames
        self.groups = groups
        self.producers = producers
        self.proxyClientHosts = proxyClientHosts
        self.sourceWrites = sourceWrites
        self.targetWrites = targetWrites
        self.pendingDelayed = pendingDelayed
        self.pendingHalf = pendingHalf
        self.targetRoute = targetRoute
        self.sourceOrderTopicConf = sourceOrderTopicConf
    }

    /// The host part of a client address (`10.0.0.5:53122` → `10.0.0.5`; `[::1]:9876` → `::1`). The proxy
    /// sees only TCP peers, so clients are matched by host: clients sharing a host cannot be told apart.
    public static func host(of address: String) -> String {
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<close])
        }
        guard let colon = address.lastIndex(of: ":"), address.firstIndex(of: ":") == colon else { return address }
        return String(address[..<colon])
    }
}
