internal import MigrationEngine
internal import RocketMQClient
internal import RocketMQRemoting

/// The source cluster as one gathering pass saw it.
struct SourceSnapshot: Sendable {
    var brokerNames: Set<String> = []
    /// Committed offsets and the stats of the topics (and retry topics).
    var offsets = ClusterOffsets()
    /// The `orderTopicConf` of ordered topics whose next step leaves producers on the target alone.
    var orderTopicConfs: [String: String] = [:]
    /// Consumer addresses per group.
    var consumers: [String: Set<String>] = [:]
    /// Producer addresses per producer group.
    var producers: [String: Set<String>] = [:]
    /// Pending delayed / half messages by real topic; `nil` when unknown or not scanned.
    var delayed: [String: Int64]?
    var half: [String: Int64]?
    var requests = 0
    var problems: [String] = []

    static func take(_ gatherer: ReadinessGatherer, topics: [MigrationTopic]) async -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        let admin = gatherer.source
        snapshot.requests += 1
        guard let info = try? await admin.clusterInfo() else {
            snapshot.problems.append("source: GET_BROKER_CLUSTER_INFO failed")
            return snapshot
        }
        snapshot.brokerNames = Set(info.brokerAddrTable.keys)
        let masters = info.brokerAddrTable.values.compactMap(\.masterAddress).sorted()
        guard let first = masters.first else { return snapshot }

        let offsets = await boundedMap(masters, limit: gatherer.concurrency) { try? await admin.allConsumerOffsets(broker: $0) }
        snapshot.requests += masters.count
        for (master, table) in zip(masters, offsets) {
            if let table { snapshot.offsets.committed[master] = table } else { snapshot.problems.append("source \(master): GET_ALL_CONSUMER_OFFSET failed") }
        }

        // Topic stats only where the topic (or retry topic) exists: one bulk query per master saves one per
        // absent topic; a master whose configs cannot be read is asked about every topic.
        let configs = await boundedMap(masters, limit: gatherer.concurrency) { try? await admin.allTopicConfigs(broker: $0) }
        snapshot.requests += masters.count
        let existing = Dictionary(
            zip(masters, configs).compactMap { master, table in table.map { (master, Set($0.topicConfigTable.keys)) } },
            uniquingKeysWith: { $1 })
        let draining = topics.filter { $0.stage >= .cuttingOver }
        let statTopics = topics.map(\.name) + Set(draining.flatMap(\.groups)).sorted().map { "%RETRY%\($0)" }
        let statItems = masters.flatMap { master in
            statTopics.filter { existing[master]?.contains($0) ?? true }.map { (master, $0) }
        }
        let stats = await boundedMap(statItems, limit: gatherer.concurrency) { item in
            try? await admin.topicStats(item.1, broker: item.0)
        }
        snapshot.requests += statItems.count
        for (item, table) in zip(statItems, stats) {
            if let table { snapshot.offsets.stats[item.0, default: [:]][item.1] = table }
        }

        let ordered = topics.filter { $0.ordered && Self.routeChecked($0.stage) }.map(\.name)
        let routes = await boundedMap(ordered, limit: gatherer.concurrency) { try? await admin.topicRoute($0) }
        snapshot.requests += ordered.count
        for (topic, route) in zip(ordered, routes) {
            if let conf = route?.orderTopicConf, !conf.isEmpty { snapshot.orderTopicConfs[topic] = conf }
        }

        let groups = Set(topics.flatMap(\.groups)).sorted()
        snapshot.consumers = await Self.clients(of: groups, on: first, admin: admin, gatherer: gatherer, producer: false)
        let producerGroups = Set(topics.flatMap { gatherer.producerGroups[$0.name] ?? [] }).sorted()
        snapshot.producers = await Self.clients(of: producerGroups, on: first, admin: admin, gatherer: gatherer, producer: true)
        snapshot.requests += groups.count + producerGroups.count

        if !draining.isEmpty {
            await snapshot.scanPending(masters: masters, gatherer: gatherer)
        }
        return snapshot
    }

    /// Client addresses of each group on `broker`; a group with none online (CONSUMER_NOT_ONLINE) or a
    /// failed query has none.
    static func clients(
        of groups: [String], on broker: String, admin: RocketMQAdmin, gatherer: ReadinessGatherer, producer: Bool
    ) async -> [String: Set<String>] {
        let lists = await boundedMap(groups, limit: gatherer.concurrency) { group -> Set<String> in
            if producer {
                return Set((try? await admin.producerConnection(group: group, broker: broker))?.connectionSet.map(\.clientAddr) ?? [])
            }
            return Set((try? await admin.consumerConnection(group: group, broker: broker))?.connectionSet.map(\.clientAddr) ?? [])
        }
        return Dictionary(zip(groups, lists), uniquingKeysWith: { $1 })
    }

    private mutating func scanPending(masters: [String], gatherer: ReadinessGatherer) async {
        let scanner = PendingMessageScanner(admin: gatherer.source, limit: gatherer.pendingScanLimit)
        var delayed: [String: Int64]? = [:]
        var half: [String: Int64]? = [:]
        for master in masters {
            let d = await scanner.delayed(broker: master)
            let h = await scanner.half(broker: master, checked: offsets.committed[master])
            requests += d.requests + h.requests
            delayed = Self.merge(delayed, d.byTopic)
            half = Self.merge(half, h.byTopic)
        }
        self.delayed = delayed
        self.half = half
    }

    private static func merge(_ a: [String: Int64]?, _ b: [String: Int64]?) -> [String: Int64]? {
        guard let a, let b else { return nil }
        return a.merging(b) { x, y in x.addingReportingOverflow(y).overflow ? .max : x + y }
    }

    // MARK: Reading the snapshot

    /// Whether a topic at `stage` steps next into a stage whose route leaves producers on the target alone
    /// (the `targetRouteWritable` check): Cutting over or Completed.
    static func routeChecked(_ stage: MigrationStage) -> Bool {
        stage == .dualReadWrite || stage == .cuttingOver
    }

    func retryBacklog(group: String) -> Int64 {
        offsets.backlog(topic: "%RETRY%\(group)", group: group).values.reduce(into: Int64(0)) { total, value in
            total = total.addingReportingOverflow(value).overflow ? .max : total + value
        }
    }

    func pendingDelayed(_ topic: String) -> Int64? { delayed.map { $0[topic] ?? 0 } }
    func pendingHalf(_ topic: String) -> Int64? { half.map { $0[topic] ?? 0 } }
}
