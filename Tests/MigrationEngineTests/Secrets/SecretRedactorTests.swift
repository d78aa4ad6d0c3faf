import MigrationEngine
import Testing

@Suite struct SecretRedactorTests {
    @Test func everyKnownSecretIsReplacedWherever()  {
        let redactor = SecretRedactor(secrets: ["s3cr3t", "s3cr3t-longer", ""])
        let text = "The accessKey=ak and secretKey=s3cr3t-longer cannot be null; again s3cr3t."
        #expect(redactor.redact(text) == "The accessKey=ak and secretKey=****** cannot be null; again ******.")
    }

    @Test func aPlanGivesItsAccountsSecrets() {
        var item = PlanItem(kind: .aclAccount, name: "account", action: .create, origins: [])
        item.account = AclAccount(accessKey: "account", secretKey: "plan-secret")
        let plan = MetadataPlan(
            sources: [], target: PlanTargetSummary(cluster: nil, brokers: [], aclEnabled: true),
            queuePolicy: QueueCountPolicy(), items: [item])
        let redactor = SecretRedactor(plan: plan, others: ["signing-secret"])
        #expect(redactor.redact("plan-secret signing-secret") == "****** ******")
    }
}
