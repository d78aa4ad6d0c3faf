public import Foundation
public import MigrationEngine
import RocketMQClient

/// Exports a live cluster: every master's topics (21), groups (201), system topic list (305) and
/// consumer offsets (43), the NameServer's ordered-topic configs (219), plus ACL accounts from the ACL admin code (54) where the source has it, else
/// from a `plain_acl.yml` given by path. Works against 4.4 sources (no exportMetadata, no ACL codes).
public struct MetadataExporter: Sendable {
    private let admin: any MetadataClusterAdmin
    private let aclFile: String?

    /// An exporter reading through `admin`; `aclFile` is the broker-local ACL file to fall back on.
    public init(admin: any MetadataClusterAdmin, aclFile: String? = nil) {
        self.admin = admin
        self.aclFile = aclFile
    }

    /// Reads the cluster (nil: the only one the NameServer knows) and builds the export.
    public func export(cluster: String?, now: Date = Date()) async throws(MetadataMigrationError) -> MetadataExport {
        let (name, masters) = try await Self.call("read the cluster's brokers") {
            try await self.admin.masters(cluster: cluster)
        }
        var snapshots: [BrokerMetadata] = []
        for broker in masters {
            snapshots.append(try await self.read(broker))
        }
        var acl = await self.sourceAcl(masters)
        if acl == nil, let aclFile { acl = try PlainAclFile.read(path: aclFile) }
        let orders = try await Self.call("read the NameServer's ORDER_TOPIC_CONFIG") {
            try await self.admin.orderTopicConfigs()
        }
        return MetadataExport.build(
            cluster: name, exportTime: Int64(now.timeIntervalSince1970 * 1000), brokers: snapshots,
            aclAccounts: acl?.accounts ?? [], globalWhiteAddrs: acl?.globalWhiteAddrs ?? [], orderTopicConfs: orders)
    }

    private func read(_ broker: BrokerReference) async throws(MetadataMigrationError) -> BrokerMetadata {
        try await Self.call("read broker \(broker.brokerName) (\(broker.addr))") {
            async let topics = self.admin.topics(on: broker)
            async let groups = self.admin.groups(on: broker)
            async let system = self.admin.systemTopics(on: broker)
            async let offsets = self.admin.consumerOffsets(on: broker)
            return try await BrokerMetadata(
                broker: broker, topics: topics, groups: groups, systemTopics: system, offsets: offsets)
        }
    }

    /// The first master's ACL configuration; a broker without the ACL codes (or refusing them) gives nil.
    private func sourceAcl(_ masters: [BrokerReference]) async -> AclSnapshot? {
        guard let first = masters.first else { return nil }
        return try? await self.admin.aclConfig(on: first)
    }

    static func call<T>(_ what: String, _ body: () async throws -> T) async throws(MetadataMigrationError) -> T {
        do {
            return try await body()
        } catch let error as MetadataMigrationError {
            throw error
        } catch let error as RocketMQClientError where error.code == .responseError {
            throw MetadataMigrationError(.clusterRefused, "cannot \(what)", underlying: error)
        } catch {
            throw MetadataMigrationError(.clusterUnreachable, "cannot \(what)", underlying: error)
        }
    }
}
