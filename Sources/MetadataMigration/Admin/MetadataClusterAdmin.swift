public import MigrationEngine

/// The admin operations metadata migration performs on a cluster, in Ferry's metadata types.
///
/// ``RocketMQMetadataAdmin`` performs them over the RocketMQ remoting protocol; tests substitute an
/// in-memory cluster. Every method throws the broker's refusal or the transport's error as it is.
public protocol MetadataClusterAdmin: Sendable {
    /// The cluster's name and master brokers (`cluster` nil: the only cluster the NameServer knows).
    func masters(cluster: String?) async throws -> (cluster: String, brokers: [BrokerReference])
    /// GET_ALL_TOPIC_CONFIG (21).
    func topics(on broker: BrokerReference) async throws -> [MetadataTopic]
    /// GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201).
    func groups(on broker: BrokerReference) async throws -> [MetadataGroup]
    /// GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305).
    func systemTopics(on broker: BrokerReference) async throws -> Set<String>
    /// GET_ALL_CONSUMER_OFFSET (43): `topic@group` → queue id → offset.
    func consumerOffsets(on broker: BrokerReference) async throws -> [String: [Int: Int64]]
    /// The broker's ACL 1.0 configuration (GET_BROKER_CLUSTER_ACL_CONFIG, 54), or nil when the broker
    /// has no ACL admin codes (4.4, or 4.9.8 without 54) or ACL is off.
    func aclConfig(on broker: BrokerReference) async throws -> AclSnapshot?
    /// Whether the broker enforces ACL (`aclEnable` in its config, GET_BROKER_CONFIG 26).
    func aclEnabled(on broker: BrokerReference) async throws -> Bool
    /// UPDATE_AND_CREATE_TOPIC (17).
    func createOrUpdateTopic(_ topic: MetadataTopic, on broker: BrokerReference) async throws
    /// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200).
    func createOrUpdateGroup(_ group: MetadataGroup, on broker: BrokerReference) async throws
    /// UPDATE_AND_CREATE_ACL_CONFIG (50).
    func createOrUpdateAclAccount(_ account: AclAccount, on broker: BrokerReference) async throws
    /// The NameServer's ordered-topic configs (GET_KVLIST_BY_NAMESPACE 219, namespace `ORDER_TOPIC_CONFIG`):
    /// topic → `brokerName:queues;…`; empty when it holds none.
    func orderTopicConfigs() async throws -> [String: String]
    /// PUT_KV_CONFIG (100) of one topic's order config on every NameServer.
    func putOrderTopicConfig(topic: String, config: String) async throws
    /// UPDATE_CONSUMER_OFFSET (15) for one queue.
    func updateConsumerOffset(
        topic: String, group: String, queueId: Int, offset: Int64, on broker: BrokerReference
    ) async throws
}

/// A broker's ACL accounts and global white addresses.
public struct AclSnapshot: Sendable, Hashable {
    /// The accounts.
    public var accounts: [AclAccount]
    /// The global white remote addresses.
    public var globalWhiteAddrs: [String]

    /// Creates a snapshot.
    public init(accounts: [AclAccount], globalWhiteAddrs: [String]) {
        self.accounts = accounts
        self.globalWhiteAddrs = globalWhiteAddrs
    }
}
