import Foundation
import MigrationEngine
import Testing

/// The real `mqadmin exportMetadata` files (RocketMQ 4.9.8) copied from `shared/rocketmq-wire/exports`.
enum ExportFixtures {
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// A two-master cluster as an exporter would read it, system resources included.
    static func twoBrokerSnapshots() -> [BrokerMetadata] {
        let a = BrokerReference(brokerName: "broker-a", addr: "127.0.0.1:10911")
        let b = BrokerReference(brokerName: "broker-b", addr: "127.0.0.1:10921")
        let shared = MetadataTopic(topicName: "mro%order_created", readQueueNums: 4, writeQueueNums: 4)
        return [
            BrokerMetadata(
                broker: a,
                topics: [
                    shared, MetadataTopic(topicName: "TBW102", readQueueNums: 8, writeQueueNums: 8),
                    MetadataTopic(topicName: "broker-a", readQueueNums: 1, writeQueueNums: 1),
                    MetadataTopic(topicName: "%RETRY%GID_x", readQueueNums: 1, writeQueueNums: 1),
                    MetadataTopic(topicName: "custom_sys", readQueueNums: 1, writeQueueNums: 1),
                    MetadataTopic(topicName: "plain", readQueueNums: 2, writeQueueNums: 2, order: true),
                ],
                groups: [MetadataGroup(groupName: "GID_x"), MetadataGroup(groupName: "CID_RMQ_SYS_TRANS")],
                systemTopics: ["custom_sys"],
                offsets: ["mro%order_created@GID_x": [0: 10, 1: 11], "TBW102@GID_x": [0: 1]]),
            BrokerMetadata(
                broker: b, topics: [shared, MetadataTopic(topicName: "SourceCluster", readQueueNums: 1, writeQueueNums: 1)],
                groups: [MetadataGroup(groupName: "GID_x")],
                offsets: ["mro%order_created@GID_x": [0: 20]]),
        ]
    }
}
