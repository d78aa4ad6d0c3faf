import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// ACL accounts end to end: export from a source with ACL on, plan and import into a target with ACL on.
///
/// The sandbox, like a 4.9.8 broker, serves UPDATE_AND_CREATE_ACL_CONFIG (50) and GET_BROKER_CLUSTER_ACL_INFO
/// (52) but not GET_BROKER_CLUSTER_ACL_CONFIG (54): there is no code that lists accounts. The source's accounts
/// therefore come from its `plain_acl.yml`, and the target's are checked by what the target enforces: a request
/// signed with a migrated account's secret passes, an admin code passes only for admin accounts.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SandboxAclMigrationTests {
    static let sourceAdmin = SandboxACLAccount(accessKey: "sourceAdmin", secretKey: "source-admin-secret-1", admin: true)
    static let targetAdmin = SandboxACLAccount(accessKey: "targetAdmin", secretKey: "target-admin-secret-9", admin: true)
    static let reader = SandboxACLAccount(
        accessKey: "appReader", secretKey: "reader-secret-0042", whiteRemoteAddress: "127.0.0.*",
        defaultTopicPerm: "SUB", defaultGroupPerm: "SUB", topicPerms: ["orders=PUB|SUB", "audit=DENY"],
        groupPerms: ["billing=SUB"])
    static let operations = SandboxACLAccount(accessKey: "opsAdmin", secretKey: "ops-secret-7777", admin: true)
    static let sourceAccounts = [sourceAdmin, reader, operations]

    @Test func accountsMigrateToAnAclTargetAndASecondImportChangesNothing() async throws {
        var sourceOptions = SandboxOptions()
        sourceOptions.aclAccounts = Self.sourceAccounts
        var targetOptions = SandboxOptions()
        targetOptions.aclAccounts = [Self.targetAdmin]
        let aclFile = try Self.writePlainAclFile(Self.sourceAccounts)
        defer { try? FileManager.default.removeItem(atPath: aclFile) }

        try await SandboxPair.with(
            sourceOptions: sourceOptions, targetOptions: targetOptions,
            sourceCredentials: Self.credentials(Self.sourceAdmin), targetCredentials: Self.credentials(Self.targetAdmin)
        ) { pair in
            // Without the file the source's accounts cannot be read: the sandbox has no code 54.
            let bare = try await MetadataExporter(admin: pair.sourceAdmin).export(cluster: nil)
            #expect(bare.ferry?.aclAccounts ?? [] == [])

            let file = try await pair.exportAndPlan(aclFile: aclFile)
            #expect(file.plan.target.aclEnabled)
            let planned = file.plan.items.filter { $0.kind == .aclAccount }
            #expect(Set(planned.map(\.name)) == Set(Self.sourceAccounts.map(\.accessKey)))
            #expect(planned.allSatisfy { $0.action == .create })
            let reader = try #require(planned.first { $0.name == Self.reader.accessKey }?.account)
            #expect(reader == Self.expected(Self.reader))

            // The table an operator sees never shows a secret.
            let table = PlanTableRenderer(detailLimit: 0).render(file.plan)
            for account in Self.sourceAccounts + [Self.targetAdmin] {
                #expect(!table.contains(account.secretKey), "the plan table shows \(account.accessKey)'s secret")
            }

            let journal = ImportJournal(database: try .inMemory())
            let first = try await pair.importer(journal).run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(first.status == .succeeded)
            let aclKeys = Set(planned.map(\.key))
            let aclResults = first.items.filter { aclKeys.contains($0.key) }
            #expect(aclResults.count == Self.sourceAccounts.count)
            #expect(aclResults.allSatisfy { $0.outcome == .created })

            // Every migrated account is enforced on every target master with its secret and its admin flag.
            for account in Self.sourceAccounts {
                try await Self.expectEnforced(account, on: pair.target)
            }
            // The target's own admin is still there.
            try await Self.expectEnforced(Self.targetAdmin, on: pair.target)

            let again = try await pair.importer(journal).run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(again.status == .succeeded)
            #expect(again.items.allSatisfy { $0.outcome == .unchanged })
        }
    }

    /// Signs GET_BROKER_CLUSTER_ACL_INFO (52) and an admin code with `account` on each of `cluster`'s masters.
    static func expectEnforced(_ account: SandboxACLAccount, on cluster: SandboxCluster) async throws {
        let admin = RocketMQMetadataAdmin.connect(
            nameServer: cluster.nameServerAddress, credentials: Self.credentials(account), logger: SandboxPair.logger)
        let forged = RocketMQMetadataAdmin.connect(
            nameServer: cluster.nameServerAddress,
            credentials: AclCredentials(accessKey: account.accessKey, secretKey: "not-\(account.secretKey)"),
            logger: SandboxPair.logger)
        do {
            try await Self.probe(account, admin: admin, forged: forged, on: cluster)
        } catch {
            await admin.shutdown()
            await forged.shutdown()
            throw error
        }
        await admin.shutdown()
        await forged.shutdown()
    }

    private static func probe(
        _ account: SandboxACLAccount, admin: RocketMQMetadataAdmin, forged: RocketMQMetadataAdmin,
        on cluster: SandboxCluster
    ) async throws {
        for (name, addr) in cluster.brokerAddresses.sorted(by: { $0.key < $1.key }) {
            let info = try await admin.admin.clusterAclInfo(broker: addr)
            #expect(info.brokerName == name)
            await #expect(throws: RocketMQClientError.self, "a wrong secret for \(account.accessKey) passes") {
                _ = try await forged.admin.clusterAclInfo(broker: addr)
            }
            let probe = MetadataTopic(topicName: "acl-probe-\(account.accessKey)", readQueueNums: 1, writeQueueNums: 1)
            let broker = BrokerReference(brokerName: name, addr: addr)
            if account.admin {
                try await admin.createOrUpdateTopic(probe, on: broker)
            } else {
                await #expect(throws: RocketMQClientError.self, "\(account.accessKey) may call an admin code") {
                    try await admin.createOrUpdateTopic(probe, on: broker)
                }
            }
        }
    }

    static func credentials(_ account: SandboxACLAccount) -> AclCredentials {
        AclCredentials(accessKey: account.accessKey, secretKey: account.secretKey)
    }

    /// The account as an export carries it.
    static func expected(_ account: SandboxACLAccount) -> AclAccount {
        AclAccount(
            accessKey: account.accessKey, secretKey: account.secretKey,
            whiteRemoteAddress: account.whiteRemoteAddress.isEmpty ? nil : account.whiteRemoteAddress,
            admin: account.admin, defaultTopicPerm: account.defaultTopicPerm,
            defaultGroupPerm: account.defaultGroupPerm, topicPerms: account.topicPerms, groupPerms: account.groupPerms)
    }

    /// The broker-local `plain_acl.yml` the source's brokers would run with.
    static func writePlainAclFile(_ accounts: [SandboxACLAccount]) throws -> String {
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        var lines = ["globalWhiteRemoteAddresses: []", "accounts:"]
        for account in accounts {
            lines += [
                "  - accessKey: \(account.accessKey)", "    secretKey: \(account.secretKey)",
                "    whiteRemoteAddress: \"\(account.whiteRemoteAddress)\"", "    admin: \(account.admin)",
                "    defaultTopicPerm: \(account.defaultTopicPerm)", "    defaultGroupPerm: \(account.defaultGroupPerm)",
                "    topicPerms: \(list(account.topicPerms))", "    groupPerms: \(list(account.groupPerms))",
            ]
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain_acl-\(UUID().uuidString).yml").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
