extension MetadataPlanner {
    /// Decides what a planned item does to the target: create, update, unchanged, or (when the target
    /// holds it with other settings and overwrite is off) conflict.
    func diff(_ planned: PlanItem, against target: TargetMetadata) -> PlanItem {
        var item = planned
        let brokers = target.brokers.map(\.brokerName)
        switch item.kind {
        case .topic:
            item.brokers = brokers
            // A 4.9.8 broker takes `order` from its NameServer's ORDER_TOPIC_CONFIG at its next registration, so
            // where the target NameServer lists those configs they, not the brokers' flags, say what is ordered.
            let orderedOnTarget = target.orderTopicConfs.map { $0[item.name] != nil }
            let existing = brokers.map { broker in
                (broker, target.topics[broker]?[item.name].map { topic in
                    var topic = topic
                    if let orderedOnTarget { topic.order = orderedOnTarget }
                    return topic
                })
            }
            guard let desired = item.topic else { return item }
            self.decide(&item, existing: existing) { $0.matches(desired) } describe: { $0.queueSummary }
            if desired.order { Self.planOrderConfig(&item, desired: desired, target: target) }
        case .group:
            item.brokers = brokers
            let existing = brokers.map { broker in (broker, target.groups[broker]?[item.name]) }
            guard let desired = item.group else { return item }
            self.decide(&item, existing: existing) { $0.matches(desired) } describe: { $0.settingsSummary }
        case .aclAccount:
            guard target.aclEnabled else {
                item.action = .skip
                item.reason = "the target does not enforce ACL"
                return item
            }
            if let refusal = item.account?.brokerRefusal {
                item.action = .failed
                item.reason = refusal
                return item
            }
            let existing = [("cluster", target.aclAccounts[item.name])]
            let desired = item.account
            self.decide(&item, existing: existing) { $0 == desired } describe: { "admin \($0.admin)" }
        case .consumerOffsets:
            item.brokers = item.offsets?.offsets.keys.sorted() ?? []
            item.action = .create
        }
        return item
    }

    /// An ordered topic's `ORDER_TOPIC_CONFIG` on the target: each target broker with the topic's write
    /// queue count, written when the target NameServer lists its configs and holds another value.
    private static func planOrderConfig(_ item: inout PlanItem, desired: MetadataTopic, target: TargetMetadata) {
        guard let existing = target.orderTopicConfs else {
            item.notes.append("the target NameServer did not list ORDER_TOPIC_CONFIG: no order config is written")
            return
        }
        let config = item.brokers.map { "\($0):\(desired.writeQueueNums)" }.joined(separator: ";")
        item.orderTopicConf = config
        if existing[item.name] != config, item.action == .unchanged {
            item.action = .update
            item.notes.append("ORDER_TOPIC_CONFIG \(existing[item.name] ?? "absent") → \(config)")
        }
    }

    private func decide<T>(
        _ item: inout PlanItem, existing: [(String, T?)], matches: (T) -> Bool, describe: (T) -> String
    ) {
        let present = existing.compactMap { broker, value in value.map { (broker, $0) } }
        let differing = present.filter { !matches($0.1) }
        let missing = existing.filter { $0.1 == nil }.map(\.0)
        if present.isEmpty {
            item.action = .create
        } else if differing.isEmpty {
            item.action = missing.isEmpty ? .unchanged : .update
            if !missing.isEmpty { item.notes.append("missing on \(missing.joined(separator: ", "))") }
        } else {
            let account = differing.map { "\($0.0): \(describe($0.1))" }.joined(separator: "; ")
            if self.options.overwrite {
                item.action = .update
                item.notes.append("target had other settings (\(account)): overwritten")
            } else {
                item.action = .conflict
                item.reason = "the target already has it with other settings (\(account)); plan with --overwrite "
                    + "to update it"
            }
        }
    }
}
