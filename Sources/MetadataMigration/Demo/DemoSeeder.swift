public import MigrationEngine

/// Fills a (sandbox) cluster with namespaced topics and groups for the demo and the benchmark:
/// `mro%order_created_0001`, `pay%refund_0002`, `mro_billing_0003`, plain `inventory_0004`…, each
/// topic with a consumer group `GID_<topic>` of the same namespace.
public struct DemoSeeder: Sendable {
    private let admin: any MetadataClusterAdmin

    /// A seeder writing through `admin`.
    public init(admin: any MetadataClusterAdmin) {
        self.admin = admin
    }

    /// The topics and groups ``seed(topics:concurrency:)`` creates, without creating them.
    public static func resources(count: Int) -> (topics: [MetadataTopic], groups: [MetadataGroup]) {
        let shapes = ["mro%order_created", "pay%refund", "mro_billing", "inventory", "wms%pick", "test_probe"]
        var topics: [MetadataTopic] = []
        var groups: [MetadataGroup] = []
        for index in 0..<count {
            let shape = shapes[index % shapes.count]
            let name = "\(shape)_\(String(index, radix: 10).leftPadded(to: 5))"
            let queues = [2, 4, 8, 24][index % 4]
            topics.append(MetadataTopic(
                topicName: name, readQueueNums: queues, writeQueueNums: queues, order: index % 10 == 0))
            let namespace = ResourceNaming.namespace(of: name)
            groups.append(MetadataGroup(
                groupName: ResourceNaming.fullName(namespace: namespace, name: "GID_\(ResourceNaming.localName(of: name))"),
                retryMaxTimes: index % 3 == 0 ? 5 : 16))
        }
        return (topics, groups)
    }

    /// Creates `topics` topics and as many groups on every master of the cluster, `concurrency` at once.
    /// - Returns: how many topics and groups were written.
    public func seed(topics count: Int, concurrency: Int = 8) async throws -> Int {
        let (_, masters) = try await self.admin.masters(cluster: nil)
        let (topics, groups) = Self.resources(count: count)
        let writes = topics.flatMap { topic in masters.map { Write.topic(topic, $0) } }
            + groups.flatMap { group in masters.map { Write.group(group, $0) } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = writes[...]
            func startNext() {
                guard let write = pending.popFirst() else { return }
                group.addTask {
                    switch write {
                    case .topic(let topic, let broker): try await self.admin.createOrUpdateTopic(topic, on: broker)
                    case .group(let config, let broker): try await self.admin.createOrUpdateGroup(config, on: broker)
                    }
                }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while try await group.next() != nil { startNext() }
        }
        return topics.count + groups.count
    }
}

/// One write of the seed.
private enum Write: Sendable {
    case topic(MetadataTopic, BrokerReference)
    case group(MetadataGroup, BrokerReference)
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - self.count)) + self
    }
}
