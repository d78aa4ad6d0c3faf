/// Bounds on the state a sandbox keeps for what clients send. A real broker keeps these tables too (and
/// persists them); the sandbox runs both clusters in one process, so a client that invents names must not be
/// able to grow it without end. A request that would go past a bound is refused with the error named on each
/// limit, and the tables stay as they were.
public struct SandboxLimits: Sendable, Hashable {
    /// Pulls a broker holds at once (long polling); one more is answered `SYSTEM_BUSY` with RocketMQ's
    /// overload remark, as a broker answers when its pull pool rejects work. Default 4,096.
    public var maxHeldPulls: Int
    /// Subscription groups per broker, auto-created ones (by a pull or heartbeat) included; an unknown group
    /// past the bound gets `SUBSCRIPTION_GROUP_NOT_EXIST`. Default 10,000.
    public var maxGroups: Int
    /// `topic@group` consumer-offset keys per broker; an offset for a new key past the bound is dropped (a
    /// commit is one-way) and a query answers as for an unknown key. Default 10,000.
    public var maxConsumerOffsetKeys: Int
    /// Client IDs a broker registers (producers and consumers); a heartbeat from a new client past the bound
    /// is answered `SYSTEM_BUSY`. Default 10,000.
    public var maxClients: Int
    /// Key/value entries the NameServer keeps over all namespaces; PUT_KV_CONFIG of a new key past the bound
    /// is answered `SYSTEM_ERROR`. Default 10,000.
    public var maxKVEntries: Int
    /// Topics per broker, auto-created retry and DLQ topics included; UPDATE_AND_CREATE_TOPIC of a new topic
    /// past the bound is answered `SYSTEM_ERROR`, and a send-back that would create one fails as for a missing
    /// topic. Default 100,000.
    public var maxTopics: Int
    /// ACL accounts per broker; UPDATE_AND_CREATE_ACL_CONFIG of a new access key past the bound is answered
    /// `UPDATE_AND_CREATE_ACL_CONFIG_FAILED`. Default 10,000.
    public var maxACLAccounts: Int
    /// Topics the NameServer routes, and broker names it knows (each); a REGISTER_BROKER that would add past
    /// either bound is answered `SYSTEM_ERROR` and changes nothing. Default 200,000 topics and 1,000 broker
    /// names.
    public var maxNameServerTopics: Int
    /// See ``maxNameServerTopics``.
    public var maxNameServerBrokers: Int

    /// The defaults.
    public init(
        maxHeldPulls: Int = 4_096, maxGroups: Int = 10_000, maxConsumerOffsetKeys: Int = 10_000,
        maxClients: Int = 10_000, maxKVEntries: Int = 10_000, maxTopics: Int = 100_000, maxACLAccounts: Int = 10_000,
        maxNameServerTopics: Int = 200_000, maxNameServerBrokers: Int = 1_000
    ) {
        self.maxHeldPulls = max(maxHeldPulls, 0)
        self.maxGroups = max(maxGroups, 0)
        self.maxConsumerOffsetKeys = max(maxConsumerOffsetKeys, 0)
        self.maxClients = max(maxClients, 0)
        self.maxKVEntries = max(maxKVEntries, 0)
        self.maxTopics = max(maxTopics, 0)
        self.maxACLAccounts = max(maxACLAccounts, 0)
        self.maxNameServerTopics = max(maxNameServerTopics, 0)
        self.maxNameServerBrokers = max(maxNameServerBrokers, 0)
    }
}
