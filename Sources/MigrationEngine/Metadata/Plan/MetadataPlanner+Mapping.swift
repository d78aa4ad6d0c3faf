import HookRuntime

extension MetadataPlanner {
    /// Every topic, group, ACL account and offset set of one source, mapped to its target name.
    func candidates(for source: Source, target: TargetMetadata) async -> [PlanCandidate] {
        let export = source.export
        let cluster = export.ferry?.sourceCluster ?? source.label
        let spread = export.ferry == nil && export.queueCountScope == .clusterTotal ? max(1, target.brokers.count) : 1
        var result: [PlanCandidate] = []
        var topicNames: [String: (name: String, readQueues: Int)] = [:]
        var groupNames: [String: String] = [:]
        for (name, topic) in export.topics.sorted(by: { $0.key < $1.key }) {
            let candidate = await self.topicCandidate(topic, in: source, cluster: cluster, spread: spread)
            if candidate.unplanned == nil, let topic = candidate.topic {
                topicNames[name] = (topic.topicName, topic.readQueueNums)
            }
            result.append(candidate)
        }
        for (name, group) in export.groups.sorted(by: { $0.key < $1.key }) {
            let candidate = await self.groupCandidate(group, in: source, cluster: cluster, spread: spread)
            if candidate.unplanned == nil { groupNames[name] = candidate.name }
            result.append(candidate)
        }
        for account in export.ferry?.aclAccounts ?? [] {
            var candidate = PlanCandidate(
                kind: .aclAccount, name: account.accessKey,
                origin: PlanOrigin(source: source.label, name: account.accessKey))
            candidate.account = account
            result.append(candidate)
        }
        result += self.offsetCandidates(source, target: target, topics: topicNames, groups: groupNames)
        return result
    }

    private func topicCandidate(
        _ topic: MetadataTopic, in source: Source, cluster: String, spread: Int
    ) async -> PlanCandidate {
        let held = source.export.perBrokerQueues(of: topic.topicName)
        let read = held?.read ?? topic.readQueueNums
        let write = held?.write ?? topic.writeQueueNums
        // `updateTopic -o true` keeps the order in the NameServer's KV, not in the broker's topic config.
        let sourceOrder = source.export.ferry?.orderTopicConfs?[topic.topicName]
        var topic = topic
        var candidate = PlanCandidate(
            kind: .topic, name: topic.topicName, origin: PlanOrigin(source: source.label, name: topic.topicName))
        if let sourceOrder, !topic.order {
            topic.order = true
            candidate.notes.append("ordered on the source (ORDER_TOPIC_CONFIG \(sourceOrder))")
        }
        let resource = HookResource(
            kind: .topic, name: topic.topicName, namespace: ResourceNaming.namespace(of: topic.topicName),
            queues: max(read, write), perm: topic.perm, order: topic.order, cluster: cluster)
        guard let (mapped, change) = await self.mapped(resource, into: &candidate) else { return candidate }
        var desired = topic
        desired.topicName = candidate.name
        desired.perm = mapped.perm
        desired.order = mapped.order
        if let queues = change.queues {
            candidate.notes.append("queues \(resource.queues) → \(queues) (mapping hook)")
        }
        let policy = self.options.queuePolicy
        let clampedRead = policy.apply(change.queues ?? read, what: "read queues")
        let clampedWrite = policy.apply(change.queues ?? write, what: "write queues")
        candidate.notes += [clampedRead.note, clampedWrite.note].compactMap { $0 }
        desired.readQueueNums = Self.spread(clampedRead.count, over: spread, what: "read", notes: &candidate.notes)
        desired.writeQueueNums = Self.spread(clampedWrite.count, over: spread, what: "write", notes: &candidate.notes)
        if mapped.perm != topic.perm { candidate.notes.append("perm \(topic.perm) → \(mapped.perm) (mapping hook)") }
        if mapped.order != topic.order {
            candidate.notes.append("order \(topic.order) → \(mapped.order) (mapping hook)")
        }
        candidate.topic = desired
        return candidate
    }

    private func groupCandidate(
        _ group: MetadataGroup, in source: Source, cluster: String, spread: Int
    ) async -> PlanCandidate {
        let resource = HookResource(
            kind: .group, name: group.groupName, namespace: ResourceNaming.namespace(of: group.groupName),
            queues: 0, perm: 6, order: group.consumeMessageOrderly ?? false, cluster: cluster)
        var candidate = PlanCandidate(
            kind: .group, name: group.groupName, origin: PlanOrigin(source: source.label, name: group.groupName))
        guard await self.mapped(resource, into: &candidate) != nil else { return candidate }
        var desired = group
        desired.groupName = candidate.name
        if spread > 1 {
            desired.retryQueueNums = max(1, Self.divideRoundingUp(group.retryQueueNums, by: spread))
            if desired.retryQueueNums != group.retryQueueNums {
                candidate.notes.append(
                    "retryQueueNums: cluster total \(group.retryQueueNums) over \(spread) target masters "
                        + "→ \(desired.retryQueueNums) per broker")
            }
        }
        candidate.group = desired
        return candidate
    }

    /// Runs the mapper; on success sets the candidate's target name (and a note when it changed), else
    /// marks the candidate skipped or failed and returns nil.
    private func mapped(
        _ resource: HookResource, into candidate: inout PlanCandidate
    ) async -> (HookResource, MapResult)? {
        let change: MapResult?
        do {
            change = try await self.mapper.map(resource)
        } catch {
            candidate.unplanned = (.failed, "mapping failed: \(error)")
            return nil
        }
        guard let change else {
            candidate.unplanned = (.skip, "skipped by the mapping hook")
            return nil
        }
        let mapped = change.applied(to: resource)
        candidate.name = ResourceNaming.fullName(namespace: mapped.namespace, name: mapped.name)
        if candidate.name != resource.name {
            candidate.notes.append("mapped from \(resource.name) (namespace \(mapped.namespace))")
        }
        return (mapped, change)
    }

    /// A cluster-total count spread over the target's masters (rounded up); a per-broker count as it is.
    private static func spread(_ count: Int, over brokers: Int, what: String, notes: inout [String]) -> Int {
        guard brokers > 1 else { return count }
        let perBroker = Self.divideRoundingUp(count, by: brokers)
        notes.append("\(what) queues: cluster total \(count) over \(brokers) target masters → \(perBroker) per broker")
        return perBroker
    }

    /// `ceil(count / by)` for a non-negative `count` and a positive `by`, without the `count + by - 1`
    /// that overflows for counts near `Int.max`.
    static func divideRoundingUp(_ count: Int, by divisor: Int) -> Int {
        let (quotient, remainder) = count.quotientAndRemainder(dividingBy: divisor)
        return remainder > 0 ? quotient + 1 : quotient
    }
}
