import MigrationEngine

/// Facts of a topic that is ready for every step: what each test then spoils one way.
enum ReadinessFixtures {
    static let q0 = QueueKey(brokerName: "src-a", queueId: 0)
    static let minute: Int64 = 60_000
    /// Noon of a Thursday, Unix milliseconds.
    static let now: Int64 = 1_764_244_800_000

    static let task = MigrationTask(
        name: "orders", sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"],
        topics: [MigrationTopic(name: "orders", groups: ["billing"], ordered: false)])

    /// Source writes last seen `idle` milliseconds before ``now`` (sampled since an hour before).
    static func writes(idle: Int64) -> WriteProgress {
        var progress = WriteProgress()
        progress.record([q0: 10], at: now - 60 * minute)
        progress.record([q0: 20], at: now - idle)
        progress.record([q0: 20], at: now)
        return progress
    }

    static func ready() -> TopicFacts {
        var target = WriteProgress()
        target.record([QueueKey(brokerName: "dst-a", queueId: 0): 0], at: now - minute)
        target.record([QueueKey(brokerName: "dst-a", queueId: 0): 5], at: now)
        return TopicFacts(
            topic: "orders", gatheredAt: now,
            sourceBrokerNames: ["src-a", "src-b"], targetBrokerNames: ["dst-a", "dst-b"],
            groups: [
                GroupFacts(
                    group: "billing", sourceClients: ["10.0.0.1:50001", "10.0.0.2:50002"],
                    targetClients: ["10.0.0.1:50101", "10.0.0.2:50102"], sourceBacklog: [q0: 0])
            ],
            producers: [ProducerFacts(group: "order-writer", sourceClients: ["10.0.0.3:50003"])],
            proxyClientHosts: ["10.0.0.1", "10.0.0.2", "10.0.0.3"],
            sourceWrites: writes(idle: 10 * minute), targetWrites: target,
            targetRoute: TargetRouteFacts(writableQueues: 4))
    }
}
