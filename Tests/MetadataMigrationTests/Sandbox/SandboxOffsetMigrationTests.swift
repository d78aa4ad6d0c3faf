import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import RocketMQSandbox
import Testing

/// Consumer offsets end to end: committed on the source (UPDATE_CONSUMER_OFFSET, 15), exported
/// (GET_ALL_CONSUMER_OFFSET, 43), planned, and imported only when asked; checked on the target with 43.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SandboxOffsetMigrationTests {
    /// `orders` has 20 queues, which the default policy clamps to 16 on the target: queues 16…19 have no
    /// counterpart there and their offsets must not be written.
    static let topics = [
        MetadataTopic(topicName: "orders", readQueueNums: 20, writeQueueNums: 20),
        MetadataTopic(topicName: "audit", readQueueNums: 4, writeQueueNums: 4),
    ]
    static let groups = [MetadataGroup(groupName: "billing"), MetadataGroup(groupName: "auditors")]

    @Test func offsetsAreImportedOnlyWithTheOptionAndOnlyForTargetQueues() async throws {
        try await SandboxPair.with { pair in
            let (_, sourceBrokers) = try await pair.sourceAdmin.masters(cluster: nil)
            for (index, broker) in sourceBrokers.enumerated() {
                for topic in Self.topics { try await pair.sourceAdmin.createOrUpdateTopic(topic, on: broker) }
                for group in Self.groups { try await pair.sourceAdmin.createOrUpdateGroup(group, on: broker) }
                for queue in 0..<20 {
                    try await pair.sourceAdmin.updateConsumerOffset(
                        topic: "orders", group: "billing", queueId: queue, offset: Int64(1_000 * (index + 1) + queue),
                        on: broker)
                }
                for queue in 0..<4 where queue != 2 {
                    try await pair.sourceAdmin.updateConsumerOffset(
                        topic: "audit", group: "auditors", queueId: queue, offset: Int64(10 * (index + 1) + queue),
                        on: broker)
                }
            }
            var source: [String: [String: [Int: Int64]]] = [:]
            for broker in sourceBrokers {
                source[broker.brokerName] = try await pair.sourceAdmin.consumerOffsets(on: broker)
            }
            #expect(source["source-a"]?["orders@billing"]?.count == 20)

            let file = try await pair.exportAndPlan()
            let offsetItems = file.plan.items.filter { $0.kind == .consumerOffsets }
            #expect(Set(offsetItems.map(\.name)) == ["orders@billing", "audit@auditors"])
            #expect(offsetItems.allSatisfy { $0.action == .create })

            // Off by default: topics and groups are imported, no offset is written.
            let without = try await pair.importer(ImportJournal(database: try .inMemory()))
                .run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(without.status == .succeeded)
            #expect(!without.items.contains { $0.key.hasPrefix("\(PlanItem.Kind.consumerOffsets.rawValue):") })
            let (_, targetBrokers) = try await pair.targetAdmin.masters(cluster: nil)
            for broker in targetBrokers {
                let held = try await pair.targetAdmin.consumerOffsets(on: broker)
                #expect(held["orders@billing"] == nil && held["audit@auditors"] == nil)
            }

            let with = try await pair.importer(ImportJournal(database: try .inMemory()), offsets: true)
                .run(file.plan, planHash: file.hash, label: "plan.json")
            #expect(with.status == .succeeded)
            #expect(with.items.filter { $0.key.hasPrefix("\(PlanItem.Kind.consumerOffsets.rawValue):") }.count == 2)

            // The i-th source master maps to the i-th target master; queues the target topic lacks are dropped.
            let target = try await TargetReader(admin: pair.targetAdmin).read()
            for (sourceBroker, targetBroker) in zip(sourceBrokers, targetBrokers) {
                let held = try await pair.targetAdmin.consumerOffsets(on: targetBroker)
                for key in ["orders@billing", "audit@auditors"] {
                    let topic = String(key.split(separator: "@")[0])
                    let queues = try #require(target.topics[targetBroker.brokerName]?[topic]?.readQueueNums)
                    let expected = (source[sourceBroker.brokerName]?[key] ?? [:]).filter { $0.key < queues }
                    #expect(held[key] == expected, "\(key) on \(targetBroker.brokerName)")
                }
                #expect(target.topics[targetBroker.brokerName]?["orders"]?.readQueueNums == 16)
            }
        }
    }
}
