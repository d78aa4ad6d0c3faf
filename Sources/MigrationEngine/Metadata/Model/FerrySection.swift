/// Ferry's own section of an export file, under the top-level key `ferry` (mqadmin ignores it).
///
/// It keeps what an mqadmin export loses: which broker held what, the consumer offsets and the ACL.
public struct FerrySection: Sendable, Codable, Hashable {
    /// The format version of this section (``FerrySection/currentFormatVersion``).
    public var formatVersion: Int
    /// The exported cluster's name.
    public var sourceCluster: String
    /// The cluster's master brokers.
    public var brokers: [BrokerReference]
    /// broker name → topic → that broker's queue counts and perm.
    public var perBrokerTopics: [String: [String: BrokerQueues]]
    /// broker name → the groups that broker held.
    public var perBrokerGroups: [String: [String]]
    /// `topic@group` → broker name → queue id (decimal string) → committed offset.
    public var consumerOffsets: [String: [String: [String: Int64]]]
    /// ACL 1.0 accounts; empty when the source has no ACL.
    public var aclAccounts: [AclAccount]
    /// ACL 1.0 global white addresses.
    public var globalWhiteAddrs: [String]
    /// Ordered topics: topic → the source NameServer's `ORDER_TOPIC_CONFIG` value (`broker-a:4;broker-b:4`).
    /// mqadmin's `updateTopic -o true` keeps the order there, not in the broker's topic config. Absent
    /// in files written before Ferry read it.
    public var orderTopicConfs: [String: String]?

    /// The version this build writes.
    public static let currentFormatVersion = 1

    /// Creates a section.
    public init(
        formatVersion: Int = FerrySection.currentFormatVersion, sourceCluster: String,
        brokers: [BrokerReference], perBrokerTopics: [String: [String: BrokerQueues]] = [:],
        perBrokerGroups: [String: [String]] = [:], consumerOffsets: [String: [String: [String: Int64]]] = [:],
        aclAccounts: [AclAccount] = [], globalWhiteAddrs: [String] = [], orderTopicConfs: [String: String]? = nil
    ) {
        self.formatVersion = formatVersion
        self.sourceCluster = sourceCluster
        self.brokers = brokers
        self.perBrokerTopics = perBrokerTopics
        self.perBrokerGroups = perBrokerGroups
        self.consumerOffsets = consumerOffsets
        self.aclAccounts = aclAccounts
        self.globalWhiteAddrs = globalWhiteAddrs
        self.orderTopicConfs = orderTopicConfs
    }
}
