import Foundation
import HookRuntime
import MigrationEngine

enum PlanFixtures {
    static let targetBroker = BrokerReference(brokerName: "target-a", addr: "127.0.0.1:20911")

    /// An empty one-master target.
    static func emptyTarget(brokers: [BrokerReference] = [targetBroker]) -> TargetMetadata {
        TargetMetadata(cluster: "TargetCluster", brokers: brokers)
    }

    static func export(topics: [MetadataTopic], groups: [MetadataGroup] = []) -> MetadataExport {
        MetadataExport(
            origin: .mqadminCluster, exportTime: 1,
            topics: Dictionary(uniqueKeysWithValues: topics.map { ($0.topicName, $0) }),
            groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.groupName, $0) }))
    }

    static func item(_ plan: MetadataPlan, _ key: String) -> PlanItem? {
        plan.items.first { $0.key == key }
    }

    /// The repository's `scripts/hooks` directory.
    static var exampleHooks: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/hooks").path
    }
}

/// A mapper that fails on one name and keeps everything else.
struct FailingMapper: ResourceMapper {
    struct Refusal: Error, CustomStringConvertible {
        var description: String { "refused by test" }
    }

    let failing: String

    func map(_ resource: HookResource) async throws -> MapResult? {
        if resource.name == self.failing { throw Refusal() }
        return MapResult()
    }
}
