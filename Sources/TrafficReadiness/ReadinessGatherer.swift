public import MigrationEngine
public import RocketMQClient
internal import RocketMQRemoting

/// Gathers the readiness facts of a task's topics from both clusters and the proxy's access log.
///
/// One pass asks each broker for what it can tell in bulk (all committed offsets, all topic configs, all
/// subscription groups, delay progress, pending delayed and half messages), then sends the per-topic and
/// per-group queries the protocol has no bulk form for (GET_TOPIC_STATS_INFO, GET_CONSUMER_CONNECTION_LIST,
/// GET_PRODUCER_CONNECTION_LIST) with at most ``concurrency`` in flight. Queries only the stages need are
/// skipped: target write progress and committed offsets from Dual read on, target consumers in Dual read and
/// Dual read/write only, target routes (and ordered topics' source routes) in Dual read/write and Cutting over,
/// retry topics and pending delayed/half messages from Cutting over on, stats of topics absent on a master.
public struct ReadinessGatherer: Sendable {
    /// The source cluster.
    public var source: RocketMQAdmin
    /// The target cluster.
    public var target: RocketMQAdmin
    /// The proxy's access log.
    public var accessLog: any ProxyAccessLog
    /// Producer groups per topic (the broker cannot tell which topics a producer writes).
    public var producerGroups: [String: [String]]
    /// Requests in flight at most. Default 64.
    public var concurrency: Int
    /// Parked messages read per broker and kind at most (delayed, half). Default 10,000.
    public var pendingScanLimit: Int

    /// Makes a gatherer.
    public init(
        source: RocketMQAdmin, target: RocketMQAdmin, accessLog: any ProxyAccessLog = StaticProxyAccessLog(),
        producerGroups: [String: [String]] = [:], concurrency: Int = 64, pendingScanLimit: Int = 10_000
    ) {
        self.source = source
        self.target = target
        self.accessLog = accessLog
        self.producerGroups = producerGroups
        self.concurrency = max(concurrency, 1)
        self.pendingScanLimit = max(pendingScanLimit, 0)
    }

    /// One pass over `topics` of `task`: new facts for each, write progress continued from `previous`.
    public func gather(
        task: MigrationTask, topics: [MigrationTopic], previous: [String: TopicFacts], now: Int64
    ) async -> ReadinessPass {
        async let sourceSide = SourceSnapshot.take(self, topics: topics)
        async let targetSide = TargetSnapshot.take(self, topics: topics)
        let (src, dst) = await (sourceSide, targetSide)
        var facts: [TopicFacts] = []
        for topic in topics {
            var sourceWrites = previous[topic.name]?.sourceWrites ?? WriteProgress()
            sourceWrites.record(
                src.offsets.maxOffsets(topic.name), lastStoredAt: src.offsets.lastStoredAt(topic.name), at: now)
            var targetWrites = previous[topic.name]?.targetWrites ?? WriteProgress()
            if topic.stage >= .dualRead { targetWrites.record(dst.offsets.maxOffsets(topic.name), at: now) }
            let groups = topic.groups.map { group in
                let onTarget = dst.consumerOffsets(topic: topic.name, group: group)
                return GroupFacts(
                    group: group, existsOnTarget: dst.groups.contains(group),
                    sourceClients: src.consumers[group] ?? [], targetClients: dst.consumers[group] ?? [],
                    sourceBacklog: src.offsets.backlog(topic: topic.name, group: group),
                    sourceRetryBacklog: src.retryBacklog(group: group),
                    sourceConsumed: src.offsets.consumed(topic: topic.name, group: group),
                    targetConsumed: onTarget?.consumed, targetBacklog: onTarget?.backlog)
            }
            let proxyHosts = await accessLog.hosts(forTopic: topic.name)
            let producers = (producerGroups[topic.name] ?? []).map {
                ProducerFacts(group: $0, sourceClients: src.producers[$0] ?? [])
            }
            facts.append(
                TopicFacts(
                    topic: topic.name, gatheredAt: now, targetUnreachable: dst.unreachable,
                    topicOnTarget: dst.topics.contains(topic.name), sourceBrokerNames: src.brokerNames,
                    targetBrokerNames: dst.brokerNames, groups: groups, producers: producers,
                    proxyClientHosts: proxyHosts, sourceWrites: sourceWrites,
                    targetWrites: targetWrites, pendingDelayed: src.pendingDelayed(topic.name),
                    pendingHalf: src.pendingHalf(topic.name), targetRoute: dst.routes[topic.name],
                    sourceOrderTopicConf: src.orderTopicConfs[topic.name]))
        }
        return ReadinessPass(facts: facts, requests: src.requests + dst.requests, problems: src.problems + dst.problems)
    }
}

/// What one gathering pass produced.
public struct ReadinessPass: Sendable {
    /// Facts per topic, in the order asked.
    public var facts: [TopicFacts]
    /// Requests sent to the clusters.
    public var requests: Int
    /// Queries that failed (a broker that did not answer), for the log; the facts say "unknown" for them.
    public var problems: [String]
}
