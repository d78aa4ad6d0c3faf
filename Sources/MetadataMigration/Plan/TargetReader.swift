public import MigrationEngine

/// Reads what a target cluster holds now, for planning and for import's idempotency checks.
public struct TargetReader: Sendable {
    private let admin: any MetadataClusterAdmin

    /// A reader through `admin`.
    public init(admin: any MetadataClusterAdmin) {
        self.admin = admin
    }

    /// Every master's topics and groups, whether ACL is enforced, the accounts and the NameServer's
    /// ordered-topic configs when readable.
    public func read(cluster: String? = nil) async throws(MetadataMigrationError) -> TargetMetadata {
        let (name, masters) = try await MetadataExporter.call("read the target's brokers") {
            try await self.admin.masters(cluster: cluster)
        }
        var topics: [String: [String: MetadataTopic]] = [:]
        var groups: [String: [String: MetadataGroup]] = [:]
        var aclEnabled = false
        for broker in masters {
            let (brokerTopics, brokerGroups, acl) = try await MetadataExporter.call(
                "read target broker \(broker.brokerName) (\(broker.addr))"
            ) {
                async let t = self.admin.topics(on: broker)
                async let g = self.admin.groups(on: broker)
                async let a = self.admin.aclEnabled(on: broker)
                return try await (t, g, a)
            }
            topics[broker.brokerName] = Dictionary(brokerTopics.map { ($0.topicName, $0) }) { first, _ in first }
            groups[broker.brokerName] = Dictionary(brokerGroups.map { ($0.groupName, $0) }) { first, _ in first }
            aclEnabled = aclEnabled || acl
        }
        var accounts: [String: AclAccount] = [:]
        if aclEnabled, let first = masters.first, let snapshot = try? await self.admin.aclConfig(on: first) {
            accounts = Dictionary(snapshot.accounts.map { ($0.accessKey, $0) }) { first, _ in first }
        }
        // A NameServer that cannot list ORDER_TOPIC_CONFIG gets no order configs written.
        let orders = try? await self.admin.orderTopicConfigs()
        return TargetMetadata(
            cluster: name, brokers: masters, topics: topics, groups: groups, aclEnabled: aclEnabled,
            aclAccounts: accounts, orderTopicConfs: orders)
    }
}
