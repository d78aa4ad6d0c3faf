/// The built-in readiness checks: pure functions of a topic's ``TopicFacts``, a policy and the time.
///
/// Each check returns a ``ReadinessCheckResult``; "not ready" is a result with a reason, never a thrown
/// error (STYLE.md rule 11).
public struct ReadinessChecker: Sendable {
    /// The thresholds.
    public var policy: ReadinessPolicy

    /// Makes a checker.
    public init(policy: ReadinessPolicy) {
        self.policy = policy
    }

    /// Runs every check a forward move into `stage` needs, in report order.
    public func results(forStepInto stage: MigrationStage, facts: TopicFacts, now: Int64) -> [ReadinessCheckResult] {
        ReadinessCheckName.checks(forStepInto: stage).map { run($0, facts: facts, now: now) }
    }

    /// Runs one check.
    public func run(_ check: ReadinessCheckName, facts: TopicFacts, now: Int64) -> ReadinessCheckResult {
        switch check {
        case .targetReachable: targetReachable(facts)
        case .targetResources: targetResources(facts)
        case .brokerNamesUnique: brokerNamesUnique(facts)
        case .clientsSwitched: clientsSwitched(facts)
        case .consumersOnTarget: consumersOnTarget(facts)
        case .producersOnProxy: producersOnProxy(facts)
        case .targetRouteWritable: targetRouteWritable(facts)
        case .backlogDrained: backlogDrained(facts)
        case .retryDrained: retryDrained(facts)
        case .sourceQuiet: sourceQuiet(facts, now: now)
        case .delayedDrained: pending(facts.pendingDelayed, check, what: "delayed message", topic: facts.topic)
        case .halfDrained: pending(facts.pendingHalf, check, what: "transactional half message", topic: facts.topic)
        }
    }

    private func targetReachable(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.targetReachable.rawValue
        if let why = facts.targetUnreachable {
            return ReadinessCheckResult(name: name, ok: false, reason: "the target cluster does not answer: \(why)")
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "the target cluster answers")
    }

    private func targetResources(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.targetResources.rawValue
        let missingGroups = facts.groups.filter { !$0.existsOnTarget }.map(\.group).sorted()
        var missing: [String] = facts.topicOnTarget ? [] : ["topic \(facts.topic)"]
        missing += missingGroups.map { "group \($0)" }
        let counts: [String: Int64] = ["missing": Int64(missing.count)]
        guard facts.targetUnreachable == nil else {
            return ReadinessCheckResult(name: name, ok: false, reason: "unknown: the target cluster does not answer")
        }
        guard missing.isEmpty else {
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "missing on the target: \(missing.joined(separator: ", ")); import the metadata first",
                facts: counts)
        }
        return ReadinessCheckResult(
            name: name, ok: true, reason: "the topic and its \(facts.groups.count) groups exist on the target",
            facts: counts)
    }

    private func brokerNamesUnique(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.brokerNamesUnique.rawValue
        let clash = facts.sourceBrokerNames.intersection(facts.targetBrokerNames).sorted()
        guard clash.isEmpty else {
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "broker names used by both clusters: \(clash.joined(separator: ", ")); rename the target brokers",
                facts: ["clashes": Int64(clash.count)])
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "no broker name is shared", facts: ["clashes": 0])
    }

    private func clientsSwitched(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.clientsSwitched.rawValue
        let addresses = facts.groups.flatMap(\.sourceClients) + facts.producers.flatMap(\.sourceClients)
        let hosts = Set(addresses.map(TopicFacts.host(of:)))
        let missing = hosts.subtracting(facts.proxyClientHosts).sorted()
        let counts: [String: Int64] = ["sourceClientHosts": Int64(hosts.count), "notOnProxy": Int64(missing.count)]
        guard missing.isEmpty else {
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "clients on \(Self.list(missing)) have not queried \(facts.topic)'s route through the proxy; "
                    + "point their namesrvAddr at the proxy",
                facts: counts)
        }
        return ReadinessCheckResult(
            name: name, ok: true, reason: "all \(hosts.count) client hosts query routes through the proxy (matched by host)",
            facts: counts)
    }

    private func consumersOnTarget(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.consumersOnTarget.rawValue
        let short = facts.groups.filter { $0.targetClients.count < $0.sourceClients.count }.sorted { $0.group < $1.group }
        let counts: [String: Int64] = [
            "sourceClients": Int64(facts.groups.reduce(0) { $0 + $1.sourceClients.count }),
            "targetClients": Int64(facts.groups.reduce(0) { $0 + $1.targetClients.count }),
        ]
        guard short.isEmpty else {
            let detail = short.map { "\($0.group) \($0.targetClients.count) of \($0.sourceClients.count)" }
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "not every consumer reads the target yet (\(detail.joined(separator: ", "))); "
                    + "wait for route polls (30 s) and rebalances (20 s)",
                facts: counts)
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "every group reads the target with all its clients", facts: counts)
    }

    private func producersOnProxy(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.producersOnProxy.rawValue
        var missing: [String] = []
        for producer in facts.producers.sorted(by: { $0.group < $1.group }) {
            let hosts = Set(producer.sourceClients.map(TopicFacts.host(of:))).subtracting(facts.proxyClientHosts)
            missing += hosts.sorted().map { "\(producer.group)@\($0)" }
        }
        let counts: [String: Int64] = [
            "producers": Int64(facts.producers.reduce(0) { $0 + $1.sourceClients.count }), "notOnProxy": Int64(missing.count),
        ]
        guard missing.isEmpty else {
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "producers not on the proxy: \(Self.list(missing)); they would keep writing to the source",
                facts: counts)
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "every producer of the topic is on the proxy", facts: counts)
    }

    private func targetRouteWritable(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.targetRouteWritable.rawValue
        guard let route = facts.targetRoute else {
            return ReadinessCheckResult(name: name, ok: false, reason: "unknown: the target's route for \(facts.topic) could not be read")
        }
        let counts: [String: Int64] = ["writableQueues": Int64(route.writableQueues)]
        guard route.writableQueues > 0 else {
            var why: [String] = []
            if !route.readOnlyBrokers.isEmpty { why.append("read-only on \(Self.list(route.readOnlyBrokers))") }
            if !route.brokersWithoutMaster.isEmpty { why.append("no live master on \(Self.list(route.brokersWithoutMaster))") }
            let detail = why.isEmpty ? "no queues in the route" : why.joined(separator: "; ")
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "the target's route for \(facts.topic) has no writable queue (\(detail)); producers would get "
                    + "no route: give the topic WRITE perm on a live target master (updateTopic -p 6, brokerPermission 6)",
                facts: counts)
        }
        if let conf = facts.sourceOrderTopicConf, route.orderTopicConf == nil {
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "\(facts.topic) is ordered on the source (orderTopicConf \(conf)) but the target has no "
                    + "orderTopicConf; set it on the target NameServer (updateOrderConf) so ordered producers find queues",
                facts: counts)
        }
        return ReadinessCheckResult(
            name: name, ok: true, reason: "the target's route has \(route.writableQueues) writable queues", facts: counts)
    }

    private func backlogDrained(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.backlogDrained.rawValue
        let over = facts.groups.filter { $0.totalSourceBacklog > policy.maxBacklog }.sorted { $0.group < $1.group }
        let total = facts.groups.reduce(into: Int64(0)) { $0 = Self.adding($0, $1.totalSourceBacklog) }
        guard over.isEmpty else {
            let detail = over.map { "\($0.group) \($0.totalSourceBacklog)" }
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "the source still has unconsumed messages (\(detail.joined(separator: ", ")); "
                    + "at most \(policy.maxBacklog) allowed); let the consumers drain it",
                facts: ["backlog": total])
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "every group has drained the source", facts: ["backlog": total])
    }

    private func retryDrained(_ facts: TopicFacts) -> ReadinessCheckResult {
        let name = ReadinessCheckName.retryDrained.rawValue
        let over = facts.groups.filter { $0.sourceRetryBacklog > policy.maxRetryBacklog }.sorted { $0.group < $1.group }
        let total = facts.groups.reduce(into: Int64(0)) { $0 = Self.adding($0, max($1.sourceRetryBacklog, 0)) }
        guard over.isEmpty else {
            let detail = over.map { "%RETRY%\($0.group) \($0.sourceRetryBacklog)" }
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "retry topics on the source still hold messages (\(detail.joined(separator: ", "))); "
                    + "wait for redelivery to finish",
                facts: ["retryBacklog": total])
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "retry topics on the source are drained", facts: ["retryBacklog": total])
    }

    private func sourceQuiet(_ facts: TopicFacts, now: Int64) -> ReadinessCheckResult {
        let name = ReadinessCheckName.sourceQuiet.rawValue
        let needSeconds = policy.quietPeriodMillis / 1000
        guard let quiet = facts.sourceWrites.quietMillis(now: now) else {
            return ReadinessCheckResult(name: name, ok: false, reason: "unknown: no source write progress sampled yet")
        }
        let counts: [String: Int64] = ["quietSeconds": quiet / 1000, "quietPeriodSeconds": needSeconds]
        guard quiet >= policy.quietPeriodMillis else {
            let seen = facts.sourceWrites.lastWriteAt == nil ? "watched for" : "last write"
            return ReadinessCheckResult(
                name: name, ok: false,
                reason: "\(seen) \(quiet / 1000) s ago on the source, \(needSeconds) s of quiet needed; "
                    + "a producer may still write to the source directly",
                facts: counts)
        }
        return ReadinessCheckResult(name: name, ok: true, reason: "no source write for \(quiet / 1000) s", facts: counts)
    }

    private func pending(_ count: Int64?, _ check: ReadinessCheckName, what: String, topic: String) -> ReadinessCheckResult {
        guard let count else {
            return ReadinessCheckResult(name: check.rawValue, ok: false, reason: "unknown: pending \(what)s could not be read")
        }
        guard count <= 0 else {
            return ReadinessCheckResult(
                name: check.rawValue, ok: false,
                reason: "\(count) \(what)(s) for \(topic) still pending on the source; wait until they are delivered",
                facts: ["pending": count])
        }
        return ReadinessCheckResult(name: check.rawValue, ok: true, reason: "no \(what) pending", facts: ["pending": 0])
    }

    /// At most five items, then "and N more".
    private static func list(_ items: [String]) -> String {
        items.count <= 5 ? items.joined(separator: ", ") : items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
    }

    private static func adding(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
