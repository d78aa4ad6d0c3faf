/// What the target cluster holds now, as read before planning (pure data).
public struct TargetMetadata: Sendable, Hashable {
    /// The target cluster's name, when known.
    public var cluster: String?
    /// The target's master brokers.
    public var brokers: [BrokerReference]
    /// broker name → topic name → the topic there.
    public var topics: [String: [String: MetadataTopic]]
    /// broker name → group name → the group there.
    public var groups: [String: [String: MetadataGroup]]
    /// Whether the target enforces ACL 1.0.
    public var aclEnabled: Bool
    /// The target's ACL accounts by access key, when they could be read.
    public var aclAccounts: [String: AclAccount]
    /// The target NameServer's ordered-topic configs (topic → `brokerName:queues;…`); nil when it did not
    /// answer GET_KVLIST_BY_NAMESPACE, and then none is written.
    public var orderTopicConfs: [String: String]?

    /// Creates a snapshot.
    public init(
        cluster: String?, brokers: [BrokerReference], topics: [String: [String: MetadataTopic]] = [:],
        groups: [String: [String: MetadataGroup]] = [:], aclEnabled: Bool = false,
        aclAccounts: [String: AclAccount] = [:], orderTopicConfs: [String: String]? = nil
    ) {
        self.cluster = cluster
        self.brokers = brokers.sorted()
        self.topics = topics
        self.groups = groups
        self.aclEnabled = aclEnabled
        self.aclAccounts = aclAccounts
        self.orderTopicConfs = orderTopicConfs
    }
}
