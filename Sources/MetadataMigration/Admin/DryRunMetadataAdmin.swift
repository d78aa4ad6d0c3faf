public import MigrationEngine
import Synchronization

/// The dry-run twin of a ``MetadataClusterAdmin``: reads go to the real cluster, writes are only
/// recorded. ``transcript()`` gives the writes an import would send, one line each, sorted, with ACL
/// secrets masked.
public final class DryRunMetadataAdmin: MetadataClusterAdmin {
    private let reads: any MetadataClusterAdmin
    private let writes = Mutex<[String]>([])

    /// A dry run that reads through `reads`.
    public init(reading reads: any MetadataClusterAdmin) {
        self.reads = reads
    }

    /// The recorded writes, sorted.
    public func transcript() -> [String] {
        self.writes.withLock { $0.sorted() }
    }

    public func masters(cluster: String?) async throws -> (cluster: String, brokers: [BrokerReference]) {
        try await self.reads.masters(cluster: cluster)
    }

    public func topics(on broker: BrokerReference) async throws -> [MetadataTopic] {
        try await self.reads.topics(on: broker)
    }

    public func groups(on broker: BrokerReference) async throws -> [MetadataGroup] {
        try await self.reads.groups(on: broker)
    }

    public func systemTopics(on broker: BrokerReference) async throws -> Set<String> {
        try await self.reads.systemTopics(on: broker)
    }

    public func consumerOffsets(on broker: BrokerReference) async throws -> [String: [Int: Int64]] {
        try await self.reads.consumerOffsets(on: broker)
    }

    public func aclConfig(on broker: BrokerReference) async throws -> AclSnapshot? {
        try await self.reads.aclConfig(on: broker)
    }

    public func aclEnabled(on broker: BrokerReference) async throws -> Bool {
        try await self.reads.aclEnabled(on: broker)
    }

    public func createOrUpdateTopic(_ topic: MetadataTopic, on broker: BrokerReference) async throws {
        self.record("UPDATE_AND_CREATE_TOPIC \(broker.brokerName) \(topic.topicName) \(topic.queueSummary)")
    }

    public func createOrUpdateGroup(_ group: MetadataGroup, on broker: BrokerReference) async throws {
        self.record("UPDATE_AND_CREATE_SUBSCRIPTIONGROUP \(broker.brokerName) \(group.groupName) \(group.settingsSummary)")
    }

    public func createOrUpdateAclAccount(_ account: AclAccount, on broker: BrokerReference) async throws {
        self.record("UPDATE_AND_CREATE_ACL_CONFIG \(broker.brokerName) \(account)")
    }

    public func orderTopicConfigs() async throws -> [String: String] {
        try await self.reads.orderTopicConfigs()
    }

    public func putOrderTopicConfig(topic: String, config: String) async throws {
        self.record("PUT_KV_CONFIG ORDER_TOPIC_CONFIG \(topic) \(config)")
    }

    public func updateConsumerOffset(
        topic: String, group: String, queueId: Int, offset: Int64, on broker: BrokerReference
    ) async throws {
        self.record("UPDATE_CONSUMER_OFFSET \(broker.brokerName) \(topic)@\(group) queue \(queueId) offset \(offset)")
    }

    private func record(_ line: String) {
        self.writes.withLock { $0.append(line) }
    }
}
