import Foundation
import MigrationEngine
import Testing

/// Issue 14 item 8: a plan file is untrusted input; import trapped on an item without its body and on
/// values outside a Java int. Reading now answers with the key path.
@Suite struct PlanFileValidationTests {
    static func plan(topic: MetadataTopic?, action: PlanItem.Action = .create) -> MetadataPlan {
        var item = PlanItem(kind: .topic, name: "T", action: action, origins: [PlanOrigin(source: "s", name: "T")])
        item.topic = topic
        return MetadataPlan(
            sources: [], target: PlanTargetSummary(cluster: "C", brokers: [], aclEnabled: false),
            queuePolicy: QueueCountPolicy(), items: [item])
    }

    static func failure(_ plan: MetadataPlan) -> MetadataFormatError? {
        do {
            _ = try MetadataPlan.read(plan.encoded(), source: "plan.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func aWellFormedPlanReads() throws {
        let plan = Self.plan(topic: MetadataTopic(topicName: "T", readQueueNums: 4, writeQueueNums: 4))
        #expect(try MetadataPlan.read(plan.encoded(), source: "plan.json") == plan)
    }

    @Test func anItemToCreateWithoutItsBodyIsAnError() {
        let error = Self.failure(Self.plan(topic: nil))
        #expect(error?.keyPath == "items[0].topic")
        #expect(error?.reason.contains("needs its `topic`") == true)
        // A conflict imports nothing and needs no body.
        #expect(Self.failure(Self.plan(topic: nil, action: .conflict)) == nil)
    }

    @Test func valuesOutsideAJavaIntAreErrors() {
        let topic = MetadataTopic(topicName: "T", readQueueNums: 1 << 33, writeQueueNums: 4)
        #expect(Self.failure(Self.plan(topic: topic))?.keyPath == "items[0].topic.readQueueNums")
    }

    @Test func aBodyForAnotherNameOrAWrongKeyIsAnError() throws {
        let other = MetadataTopic(topicName: "Other", readQueueNums: 4, writeQueueNums: 4)
        #expect(Self.failure(Self.plan(topic: other))?.keyPath == "items[0].topic.topicName")
        var plan = Self.plan(topic: MetadataTopic(topicName: "T", readQueueNums: 4, writeQueueNums: 4))
        plan.items[0].key = "group:T"
        #expect(Self.failure(plan)?.keyPath == "items[0].key")
        plan.items[0].key = "topic:T"
        plan.items.append(plan.items[0])
        #expect(Self.failure(plan)?.keyPath == "items[1].key")
    }
}
