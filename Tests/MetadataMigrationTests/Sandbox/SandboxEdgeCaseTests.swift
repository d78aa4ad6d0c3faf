import Foundation
import HookRuntime
import Logging
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQClient
import RocketMQSandbox
import Testing

@Suite(.serialized, .timeLimit(.minutes(3))) struct SandboxEdgeCaseTests {
    private static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)))
    }

    private static func plan(
        _ sources: [MetadataPlanner.Source], into pair: SandboxPair, mapper: any ResourceMapper = DefaultResourceMapper(),
        options: PlanOptions = PlanOptions()
    ) async throws -> PlanFile {
        let target = try await TargetReader(admin: pair.targetAdmin).read()
        let plan = await MetadataPlanner(mapper: mapper, options: options).plan(sources: sources, target: target)
        return try PlanFile(data: plan.encoded(), source: "plan.json")
    }

    @Test func sandboxExportHasTheShapeOfMqadminsAndTheRealMqadminFileImports() async throws {
        try await SandboxPair.with { pair in
            _ = try await DemoSeeder(admin: pair.sourceAdmin).seed(topics: 6)
            let ours = try await MetadataExporter(admin: pair.sourceAdmin).export(cluster: nil)
            let real = try JSONSerialization.jsonObject(with: Self.fixture("export-metadata.json")) as! [String: Any]
            let mine = try JSONSerialization.jsonObject(with: ours.encoded()) as! [String: Any]
            #expect(Set(mine.keys) == Set(real.keys).union(["ferry"]))
            let realTopic = Set(((real["topicConfigTable"] as! [String: Any]).values.first as! [String: Any]).keys)
            let myTopic = Set(((mine["topicConfigTable"] as! [String: Any]).values.first as! [String: Any]).keys)
            #expect(myTopic == realTopic)
            let realGroup = Set(((real["subscriptionGroupTable"] as! [String: Any]).values.first as! [String: Any]).keys)
            let myGroup = Set(((mine["subscriptionGroupTable"] as! [String: Any]).values.first as! [String: Any]).keys)
            #expect(myGroup == realGroup)

            let mqadmin = try MetadataExport.read(Self.fixture("export-metadata.json"), source: "export-metadata.json")
            let file = try await Self.plan([.init(label: "mqadmin", export: mqadmin)], into: pair)
            let result = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(result.counts == ["created": 4])
            let target = try await TargetReader(admin: pair.targetAdmin).read()
            // MigTopicA: a cluster total of 4 (within 3...16) spread over 2 target masters → 2 per broker.
            #expect(target.topics["target-a"]?["MigTopicA"]?.readQueueNums == 2)
            // 4.9.8 keeps the order in the NameServer's ORDER_TOPIC_CONFIG (brokers learn it when they next register).
            #expect(target.orderTopicConfs?["MigTopicB"] != nil)
            #expect(target.groups["target-a"]?["MigGroupB"]?.retryMaxTimes == 3)
        }
    }

    @Test func aHookErrorFailsOnlyThatItemOfTheImport() async throws {
        try await SandboxPair.with { pair in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-hooks-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try """
                function map(resource)
                  if string.find(resource.name, "refund_00001", 1, true) then error("refunds need approval") end
                  return {}
                end
                """.write(to: dir.appendingPathComponent("guard.lua"), atomically: true, encoding: .utf8)
            _ = try await DemoSeeder(admin: pair.sourceAdmin).seed(topics: 6)
            let runtime = try HookRuntime(path: dir.path, logger: SandboxPair.logger)
            let file = try await pair.exportAndPlan(mapper: HookResourceMapper(runtime: runtime))
            let result = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(result.status == .someFailed)
            // The hook refuses the topic pay%refund_00001 and its group pay%GID_refund_00001; the other 10 import.
            #expect(result.counts == ["created": 10, "failed": 2])
            let failed = try #require(result.items.first { $0.key == "topic:pay%refund_00001" })
            guard case .failed(let reason) = failed.outcome else { Issue.record("not failed"); return }
            #expect(reason.contains("refunds need approval"))
            #expect(reason.contains("guard.lua:2"))
        }
    }

    @Test func clashingSourcesImportNothingForTheClashingNamesUnlessOneIsPreferred() async throws {
        try await SandboxPair.with { pair in
            func export(_ queues: Int) -> MetadataExport {
                MetadataExport(
                    origin: .mqadminCluster, exportTime: 1,
                    topics: [
                        "clash": MetadataTopic(topicName: "clash", readQueueNums: queues, writeQueueNums: queues),
                        "calm": MetadataTopic(topicName: "calm", readQueueNums: 8, writeQueueNums: 8),
                    ], groups: [:])
            }
            let sources: [MetadataPlanner.Source] = [.init(label: "east", export: export(8)), .init(label: "west", export: export(12))]
            let file = try await Self.plan(sources, into: pair)
            #expect(file.plan.items.first { $0.name == "clash" }?.action == .conflict)
            let result = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(result.items.map(\.key) == ["topic:calm"])
            var target = try await TargetReader(admin: pair.targetAdmin).read()
            #expect(target.topics["target-a"]?["clash"] == nil)

            let preferred = try await Self.plan(sources, into: pair, options: PlanOptions(preferredSource: "west"))
            _ = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(preferred.plan, planHash: preferred.hash, label: "plan.json")
            target = try await TargetReader(admin: pair.targetAdmin).read()
            #expect(target.topics["target-a"]?["clash"]?.readQueueNums == 6)
        }
    }

    @Test func aTopicTheBrokerRejectsFailsWithTheBrokersReason() async throws {
        try await SandboxPair.with { pair in
            let export = MetadataExport(
                origin: .mqadminCluster, exportTime: 1,
                topics: [
                    "bad.topic": MetadataTopic(topicName: "bad.topic", readQueueNums: 4, writeQueueNums: 4),
                    "good_topic": MetadataTopic(topicName: "good_topic", readQueueNums: 4, writeQueueNums: 4),
                ], groups: [:])
            let file = try await Self.plan([.init(label: "s", export: export)], into: pair)
            let journal = ImportJournal(database: try .inMemory())
            let result = try await pair.importer(journal).run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(result.status == .someFailed)
            guard case .failed(let reason) = result.items.first(where: { $0.key == "topic:bad.topic" })?.outcome else {
                Issue.record("bad.topic did not fail")
                return
            }
            #expect(reason.contains("contains illegal characters"))
            let entries = try await journal.entries(planHash: file.hash)
            #expect(entries["topic:bad.topic"]?.state == .failed)
            #expect(entries["topic:good_topic"]?.state == .done)
        }
    }

    @Test func aTargetWithACLAndNoCredentialsRefusesBeforeAnythingIsJournaled() async throws {
        var options = SandboxOptions()
        options.aclAccounts = [SandboxACLAccount(accessKey: "ferryAdmin", secretKey: "ferrySecret123", admin: true)]
        try await SandboxPair.with(targetOptions: options) { pair in
            var item = PlanItem(kind: .topic, name: "t", action: .create, origins: [])
            item.topic = MetadataTopic(topicName: "t", readQueueNums: 4, writeQueueNums: 4)
            let plan = MetadataPlan(
                sources: [], target: PlanTargetSummary(cluster: "TargetCluster", brokers: [], aclEnabled: true),
                queuePolicy: QueueCountPolicy(), items: [item])
            let file = try PlanFile(data: plan.encoded(), source: "plan.json")
            let journal = ImportJournal(database: try .inMemory())
            let error = await #expect(throws: MetadataMigrationError.self) {
                try await pair.importer(journal).run(file.plan, planHash: file.hash, label: "plan.json")
            }
            #expect(error?.code == .clusterRefused)
            #expect(try await journal.entries(planHash: file.hash).isEmpty)

            let signed = RocketMQMetadataAdmin.connect(
                nameServer: pair.target.nameServerAddress,
                credentials: AclCredentials(accessKey: "ferryAdmin", secretKey: "ferrySecret123"), logger: SandboxPair.logger)
            let target = try await TargetReader(admin: signed).read()
            await signed.shutdown()
            #expect(target.aclEnabled)
        }
    }

    @Test func plainAclFileParses() throws {
        let text = String(decoding: try Self.fixture("plain_acl.yml"), as: UTF8.self)
        let acl = try PlainAclFile.parse(text, source: "plain_acl.yml")
        #expect(acl.globalWhiteAddrs.isEmpty)
        #expect(acl.accounts.map(\.accessKey) == ["ferryAdmin", "ferryUser"])
        #expect(acl.accounts[0].admin && acl.accounts[0].whiteRemoteAddress == nil)
        #expect(acl.accounts[1].topicPerms == ["MigTopicA=PUB|SUB", "MigTopicB=SUB"])
        #expect(acl.accounts[1].defaultTopicPerm == "DENY")
        #expect(throws: MetadataMigrationError.self) { try PlainAclFile.parse("accounts: 3", source: "x") }
    }
}
