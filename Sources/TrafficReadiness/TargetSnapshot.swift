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
    /// Committed offsets and topic stats (topics from Dual read on).
    var offsets = ClusterOffsets()
    /// What each topic's route offers producers (topics whose next step leaves producers on the target alone).
    var routes: [String: TargetRouteFacts] = [:]
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
            if let table { snapshot.offsets.stats[item.0, default: [:]][item.1] = table }
        }
        // What the target's consumers have committed: one bulk query per master, only once a topic is read there.
        if !written.isEmpty {
            let committed = await boundedMap(masters, limit: gatherer.concurrency) { try? await admin.allConsumerOffsets(broker: $0) }
            snapshot.requests += masters.count
            for (master, table) in zip(masters, committed) {
                if let table { snapshot.offsets.committed[master] = table } else { snapshot.problems.append("target \(master): GET_ALL_CONSUMER_OFFSET failed") }
            }
        }

        let routed = topics.filter { SourceSnapshot.routeChecked($0.stage) }.map(\.name)
        let routes = await boundedMap(routed, limit: gatherer.concurrency) { try? await admin.topicRoute($0) }
        snapshot.requests += routed.count
        for (topic, route) in zip(routed, routes) {
            if let route { snapshot.routes[topic] = TargetRouteFacts(route: route) } else { snapshot.problems.append("target: route of \(topic) failed") }
        }
        return snapshot
    }

    /// `group`'s committed offsets and backlog of `topic` on the target, when the topic's stats and the
    /// master's committed offsets were read.
    func consumerOffsets(topic: String, group: String) -> (consumed: [QueueKey: Int64], backlog: [QueueKey: Int64])? {
        guard offsets.hasStats(topic), !offsets.committed.isEmpty else { return nil }
        return (offsets.consumed(topic: topic, group: group), offsets.backlog(topic: topic, group: group))
    }
}
