import MigrationEngine
import Testing

/// Issue 12 item 5: the plan predicts a 4.9.8 broker's refusals (`PlainPermissionManager`, `Permission`).
@Suite struct AclAccountRulesTests {
    @Test func keysMustBeLongerThanSixCharacters() {
        #expect(AclAccount(accessKey: "short6", secretKey: "long-enough").brokerRefusal?.contains("access keys") == true)
        #expect(AclAccount(accessKey: "longer7", secretKey: "sixsix").brokerRefusal?.contains("secret keys") == true)
        #expect(AclAccount(accessKey: "longer7", secretKey: "seven77").brokerRefusal == nil)
    }

    @Test func permissionEntriesMustBeNameEqualsAKnownPerm() {
        func refusal(_ topicPerms: [String]) -> String? {
            AclAccount(accessKey: "account", secretKey: "secret-key", topicPerms: topicPerms).brokerRefusal
        }
        #expect(refusal(["a=PUB", "b=SUB|PUB", "c= DENY "]) == nil)
        #expect(refusal([""])?.contains("is not `name=PERM`") == true)
        #expect(refusal(["a=READ"])?.contains("permission other than") == true)
        #expect(refusal(["a=PUB,b=SUB"])?.contains("comma") == true)
        #expect(refusal(["a=PUB=SUB"])?.contains("is not `name=PERM`") == true)
    }

    @Test func theReasonNeverQuotesTheSecret() {
        let account = AclAccount(accessKey: "account", secretKey: "abc")
        #expect(account.brokerRefusal?.contains("abc") == false)
    }

    @Test func thePlanFailsRefusedAccountsAndDropsSecretsItDoesNotNeed() async {
        let ferry = FerrySection(
            sourceCluster: "S", brokers: [],
            aclAccounts: [
                AclAccount(accessKey: "tiny", secretKey: "tiny-account-secret"),
                AclAccount(accessKey: "goodAccount", secretKey: "good-account-secret"),
            ])
        let export = MetadataExport(origin: .ferry, exportTime: 1, topics: [:], groups: [:], ferry: ferry)
        let acl = TargetMetadata(cluster: "T", brokers: [], aclEnabled: true)
        let plan = await MetadataPlanner().plan(sources: [.init(label: "S", export: export)], target: acl)
        let items = Dictionary(plan.items.map { ($0.name, $0) }) { first, _ in first }
        #expect(items["tiny"]?.action == .failed)
        #expect(items["tiny"]?.account?.secretKey == "")
        #expect(items["goodAccount"]?.action == .create)
        #expect(items["goodAccount"]?.account?.secretKey == "good-account-secret")

        let noAcl = TargetMetadata(cluster: "T", brokers: [], aclEnabled: false)
        let skipped = await MetadataPlanner().plan(sources: [.init(label: "S", export: export)], target: noAcl)
        #expect(skipped.items.allSatisfy { $0.action == .skip && $0.account?.secretKey == "" })
    }
}
