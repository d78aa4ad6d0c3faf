/// What an exporter read from one master broker, before merging (pure data: the I/O is elsewhere).
public struct BrokerMetadata: Sendable, Hashable {
    /// The broker.
    public var broker: BrokerReference
    /// GET_ALL_TOPIC_CONFIG (21): the broker's topics.
    public var topics: [MetadataTopic]
    /// GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201): the broker's groups.
    public var groups: [MetadataGroup]
    /// GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305): the names the broker itself calls system.
    public var systemTopics: Set<String>
    /// GET_ALL_CONSUMER_OFFSET (43): `topic@group` → queue id → offset.
    public var offsets: [String: [Int: Int64]]

    /// Creates a snapshot.
    public init(
        broker: BrokerReference, topics: [MetadataTopic], groups: [MetadataGroup], systemTopics: Set<String> = [],
        offsets: [String: [Int: Int64]] = [:]
    ) {
        self.broker = broker
        self.topics = topics
        self.groups = groups
        self.systemTopics = systemTopics
        self.offsets = offsets
    }
}
