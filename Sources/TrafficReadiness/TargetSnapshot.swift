internal import MigrationEngine
internal import RocketMQClient
internal import RocketMQRemoting

/// The target cluster as one gathering pass saw it.
struct TargetSnapshot: Sendable {
    var unreachable: String?
    var brokerNames: Set<String> = []
    var topics: Set<String> = []
    var groups: Set<String> = []
    var consumers: [String: Set<String>] = [:]
    /// Max offset per queue, per topic (topics from Dual read on).
    var maxOffsets: [String: [QueueKey: Int64]] = [:]
    var requests = 0
    var problems: [String] = []

    static func take(_ gatherer: ReadinessGatherer, topics: [MigrationTopic]) async -> TargetSnapshot {
        var snapshot = TargetSnapshot()
        let admin = gatherer.target
        snapshot.requests += 1
        let info: ClusterInfo
        do {
            info = try await admin.clusterInfo()
        } catch {
            snapshot.unreachable = "\(error)"
            return snapshot
        }
        snapshot.brokerNames = Set(info.brokerAddrTable.keys)
        let masters = info.brokerAddrTable.values.compactMap(\.masterAddress).sorted()
        guard let first = masters.first else {
            snapshot.unreachable = "the target NameServer knows no master broker"
            return snapshot
        }
        let configs = await boundedMap(masters, limit: gatherer.concurrency) { master in
            (try? await admin.allTopicConfigs(broker: master), try? await admin.allSubscriptionGroups(broker: master))
        }
        snapshot.requests += 2 * masters.count
        var existing: [String: Set<String>] = [:]
        for (master, (topicConfigs, groupConfigs)) in zip(masters, configs) {
            if let topicConfigs {
                existing[master] = Set(topicConfigs.topicConfigTable.keys)
                snapshot.topics.formUnion(topicConfigs.topicConfigTable.keys)
            } else {
                snapshot.problems.append("target \(master): GET_ALL_TOPIC_CONFIG failed")
            }
            if let groupConfigs { snapshot.groups.formUnion(groupConfigs.subscriptionGroupTable.keys) } else { snapshot.problems.append("target \(master): GET_ALL_SUBSCRIPTIONGROUP_CONFIG failed") }
        }
        // Consumers on the target matter only while reads are being moved (stages 1 and 2: the 1 → 2 check and
        // whether dual read is in effect); later checks and effects do not read them.
        let groups = Set(topics.filter { $0.stage == .dualRead || $0.stage == .dualReadWrite }.flatMap(\.groups)).sorted()
        snapshot.consumers = await SourceSnapshot.clients(of: groups, on: first, admin: admin, gatherer: gatherer, producer: false)
        snapshot.requests += groups.count

        let written = topics.filter { $0.stage >= .dualRead }.map(\.name)
        let items = masters.flatMap { master in
            written.filter { existing[master]?.contains($0) ?? true }.map { (master, $0) }
        }
        let stats = await boundedMap(items, limit: gatherer.concurrency) { try? await admin.topicStats($0.1, broker: $0.0) }
        snapshot.requests += items.count
        for (item, table) in zip(items, stats) {
            guard let table else { continue }
            for (queue, offset) in table.offsetTable {
                snapshot.maxOffsets[item.1, default: [:]][QueueKey(brokerName: queue.brokerName, queueId: Int(queue.queueId))] =
                    offset.maxOffset
            }
        }
        return snapshot
    }
}
