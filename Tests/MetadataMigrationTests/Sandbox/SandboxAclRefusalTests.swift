import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQClient
import RocketMQSandbox
import Testing

/// Issue 12 item 5: what a real 4.9.8 target with ACL on refuses. The sandbox checks UPDATE_AND_CREATE_ACL_CONFIG
/// as the broker does and answers UPDATE_AND_CREATE_ACL_CONFIG_FAILED (209) with the broker's own remark, which
/// echoes the secret key.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SandboxAclRefusalTests {
    static let targetAdmin = SandboxACLAccount(accessKey: "targetAdmin", secretKey: "target-admin-secret-9", admin: true)
    static let sourceAdmin = SandboxACLAccount(accessKey: "sourceAdmin", secretKey: "source-admin-secret-1", admin: true)
    /// A 6-character access key: the broker wants more than 6.
    static let shortKey = SandboxACLAccount(accessKey: "short6", secretKey: "short-account-secret-31")

    static func targetOptions() -> SandboxOptions {
        var options = SandboxOptions()
        options.aclAccounts = [Self.targetAdmin]
        return options
    }

    @Test func thePlanFlagsAccountsTheTargetRefusesAndKeepsNoSecretForThem() async throws {
        var sourceOptions = SandboxOptions()
        sourceOptions.aclAccounts = [Self.sourceAdmin]
        let aclFile = try SandboxAclMigrationTests.writePlainAclFile([Self.sourceAdmin, Self.shortKey])
        defer { try? FileManager.default.removeItem(atPath: aclFile) }
        try await SandboxPair.with(
            sourceOptions: sourceOptions, targetOptions: Self.targetOptions(),
            sourceCredentials: SandboxAclMigrationTests.credentials(Self.sourceAdmin),
            targetCredentials: SandboxAclMigrationTests.credentials(Self.targetAdmin)
        ) { pair in
            let file = try await pair.exportAndPlan(aclFile: aclFile)
            let refused = try #require(file.plan.items.first { $0.key == "aclAccount:short6" })
            #expect(refused.action == .failed)
            #expect(refused.reason?.contains("access keys of 6 characters or fewer") == true)
            let planText = String(decoding: file.plan.encoded(), as: UTF8.self)
            #expect(!planText.contains(Self.shortKey.secretKey), "the plan keeps a secret it does not need")

            // The admin account has no topic or group perms: it goes through (no empty perm fields are sent).
            let result = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(file.plan, planHash: file.hash, label: "plan.json")
            let outcomes = Dictionary(result.items.map { ($0.key, $0.outcome) }) { first, _ in first }
            #expect(outcomes["aclAccount:sourceAdmin"] == .created)
            #expect(outcomes["aclAccount:short6"].map { if case .failed = $0 { true } else { false } } == true)
            #expect(result.status == .someFailed)
            try await SandboxAclMigrationTests.expectEnforced(Self.sourceAdmin, on: pair.target)
        }
    }

    @Test func aRefusalThatEchoesTheSecretIsRedactedAndNamedForItsRequest() async throws {
        let secret = "s3cr3t"  // 6 characters: refused, and echoed in the remark
        let account = AclAccount(accessKey: "echoAccount", secretKey: secret, admin: true)
        try await SandboxPair.with(
            targetOptions: Self.targetOptions(),
            targetCredentials: SandboxAclMigrationTests.credentials(Self.targetAdmin)
        ) { pair in
            // The broker's own answer carries the secret.
            let broker = try #require(try await pair.targetAdmin.masters(cluster: nil).brokers.first)
            let raw = await #expect(throws: RocketMQClientError.self) {
                try await pair.targetAdmin.createOrUpdateAclAccount(account, on: broker)
            }
            #expect(raw?.remark?.contains(secret) == true)
            #expect(raw?.responseCode == 209)
            #expect(raw?.reason.contains("UPDATE_AND_CREATE_ACL_CONFIG_FAILED(209)") == true)
            #expect(raw?.reason.contains("POLLING_FULL") == false)

            // A plan written by hand (the planner would have flagged it) imports through the redactor.
            var item = PlanItem(kind: .aclAccount, name: account.accessKey, action: .create, origins: [])
            item.account = account
            let plan = MetadataPlan(
                sources: [], target: PlanTargetSummary(cluster: nil, brokers: [], aclEnabled: true),
                queuePolicy: QueueCountPolicy(), items: [item])
            let journal = ImportJournal(database: try .inMemory())
            let result = try await pair.importer(journal).run(plan, planHash: "echo", label: "plan.json")
            let outcome = try #require(result.items.first?.outcome)
            guard case .failed(let reason) = outcome else {
                Issue.record("the refused account was not reported failed: \(outcome)")
                return
            }
            #expect(!reason.contains(secret), "the failure reason shows the secret: \(reason)")
            #expect(reason.contains(AclAccount.secretMask))
            #expect(reason.contains("UPDATE_AND_CREATE_ACL_CONFIG_FAILED(209)"))
            let row = try #require(try await journal.entries(planHash: "echo")["aclAccount:echoAccount"])
            #expect(row.reason?.contains(secret) == false, "the journal row shows the secret")
        }
    }
}
