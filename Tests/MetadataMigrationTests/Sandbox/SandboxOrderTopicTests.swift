import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQClient
import Testing

/// Issue 12 item 6: `updateTopic -o true` keeps the order in the source NameServer's KV (`ORDER_TOPIC_CONFIG`),
/// not in the broker's topic config; export, plan and import carry it to the target NameServer with the
/// target's broker names and queue counts.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SandboxOrderTopicTests {
    @Test func anOrderedTopicStaysOrderedOnTheTarget() async throws {
        try await SandboxPair.with { pair in
            let (_, masters) = try await pair.sourceAdmin.masters(cluster: nil)
            for broker in masters {
                try await pair.sourceAdmin.createOrUpdateTopic(
                    MetadataTopic(topicName: "OrderedTopic", readQueueNums: 4, writeQueueNums: 4), on: broker)
                try await pair.sourceAdmin.createOrUpdateTopic(
                    MetadataTopic(topicName: "PlainTopic", readQueueNums: 4, writeQueueNums: 4), on: broker)
            }
            try await pair.sourceAdmin.putOrderTopicConfig(topic: "OrderedTopic", config: "source-a:4;source-b:4")

            let export = try await MetadataExporter(admin: pair.sourceAdmin).export(cluster: nil)
            #expect(export.ferry?.orderTopicConfs == ["OrderedTopic": "source-a:4;source-b:4"])
            #expect(export.topics["OrderedTopic"]?.order == false, "the broker's own config says unordered")

            let file = try await pair.exportAndPlan()
            let ordered = try #require(file.plan.items.first { $0.key == "topic:OrderedTopic" })
            #expect(ordered.topic?.order == true)
            #expect(ordered.orderTopicConf == "target-a:4;target-b:4")
            let plain = try #require(file.plan.items.first { $0.key == "topic:PlainTopic" })
            #expect(plain.orderTopicConf == nil && plain.topic?.order == false)

            let journal = ImportJournal(database: try .inMemory())
            let first = try await pair.importer(journal).run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(first.status == .succeeded)
            #expect(try await pair.targetAdmin.orderTopicConfigs() == ["OrderedTopic": "target-a:4;target-b:4"])

            let again = try await pair.exportAndPlan()
            #expect(again.plan.items.first { $0.key == "topic:OrderedTopic" }?.action == .unchanged)
        }
    }
}
