import MigrationEngine
import MigrationStore

/// One import run's per-item work: compare with the target, write what differs, journal the outcome.
struct ImportRun: Sendable {
    let admin: any MetadataClusterAdmin
    let journal: ImportJournal
    let planHash: String
    let target: TargetMetadata
    let entries: [String: JournalEntry]
    /// Every secret the run knows, hidden from failure reasons before they are journaled or shown.
    let redactor: SecretRedactor

    /// Applies one item and journals its outcome; a broker's refusal is the item's failure.
    func apply(_ item: PlanItem) async throws -> ImportItemResult {
        let outcome: ImportItemResult.Outcome
        do {
            // A started item runs to its end even when the import is cancelled (the importer stops between
            // items): `RemotingClient.invoke` gives up at once when cancelled, which would leave an item written
            // on one master and not the other. Each request still ends within its timeout.
            let run = self
            outcome = try await Task { try await run.write(item) }.value
        } catch let error as CancellationError {
            throw error
        } catch {
            outcome = .failed(self.redactor.redact(String(describing: error)))
        }
        // A rerun of an item already journaled done that is still in place writes nothing, journal included.
        if outcome == .unchanged, self.isJournaledDone(item) { return ImportItemResult(key: item.key, outcome: outcome) }
        // An outcome that reached the broker is journaled even when the import is being cancelled: the
        // unstructured task does not inherit the cancellation that GRDB's async writes honour.
        let (journal, planHash) = (self.journal, self.planHash)
        do {
            try await Task {
                switch outcome {
                case .failed(let reason):
                    try await journal.markFailed(planHash: planHash, itemKey: item.key, reason: reason)
                default:
                    try await journal.markDone(planHash: planHash, itemKey: item.key, result: outcome.word)
                }
            }.value
        } catch {
            throw MetadataMigrationError(.journalFailed, "cannot journal \(item.key)", underlying: error)
        }
        return ImportItemResult(key: item.key, outcome: outcome)
    }

    private func write(_ item: PlanItem) async throws -> ImportItemResult.Outcome {
        let brokers = try self.brokers(of: item)
        switch item.kind {
        case .topic:
            let desired = try Self.body(item.topic, of: item, field: "topic")
            let outcome = try await self.converge(brokers, current: { self.target.topics[$0]?[item.name] }) {
                $0.matches(desired)
            } write: { try await self.admin.createOrUpdateTopic(desired, on: $0) }
            guard let config = item.orderTopicConf, self.target.orderTopicConfs?[item.name] != config else {
                return outcome
            }
            try await self.admin.putOrderTopicConfig(topic: item.name, config: config)
            return outcome == .unchanged ? .updated : outcome
        case .group:
            let desired = try Self.body(item.group, of: item, field: "group")
            return try await self.converge(brokers, current: { self.target.groups[$0]?[item.name] }) {
                $0.matches(desired)
            } write: { try await self.admin.createOrUpdateGroup(desired, on: $0) }
        case .aclAccount:
            let desired = try Self.body(item.account, of: item, field: "account")
            if self.target.aclAccounts[desired.accessKey] == desired || self.isJournaledDone(item) {
                return .unchanged
            }
            for broker in self.target.brokers { try await self.admin.createOrUpdateAclAccount(desired, on: broker) }
            return self.target.aclAccounts[desired.accessKey] == nil ? .created : .updated
        case .consumerOffsets:
            if self.isJournaledDone(item) { return .unchanged }
            return try await self.writeOffsets(Self.body(item.offsets, of: item, field: "offsets"), brokers: brokers)
        }
    }

    /// Writes to each broker whose copy is missing or differs; created when no broker had it.
    private func converge<T>(
        _ brokers: [BrokerReference], current: (String) -> T?, matches: (T) -> Bool,
        write: (BrokerReference) async throws -> Void
    ) async throws -> ImportItemResult.Outcome {
        var wrote = false
        var existed = false
        for broker in brokers {
            let held = current(broker.brokerName)
            if let held {
                existed = true
                if matches(held) { continue }
            }
            try await write(broker)
            wrote = true
        }
        return wrote ? (existed ? .updated : .created) : .unchanged
    }

    /// Commits offsets only for queues the target topic has on that broker.
    private func writeOffsets(_ assignment: OffsetAssignment, brokers: [BrokerReference]) async throws
        -> ImportItemResult.Outcome
    {
        for broker in brokers {
            let queues = self.target.topics[broker.brokerName]?[assignment.topic]?.readQueueNums ?? 0
            for (queue, offset) in assignment.offsets[broker.brokerName] ?? [:] {
                guard let id = Int(queue), id < queues else { continue }
                try await self.admin.updateConsumerOffset(
                    topic: assignment.topic, group: assignment.group, queueId: id, offset: offset, on: broker)
            }
        }
        return .updated
    }

    /// The item's body; a plan built in code (a file is checked when read) may lack it.
    private static func body<T>(_ body: T?, of item: PlanItem, field: String) throws(MetadataMigrationError) -> T {
        guard let body else {
            throw MetadataMigrationError(.planMismatch, "plan item \(item.key) has no `\(field)`")
        }
        return body
    }

    private func isJournaledDone(_ item: PlanItem) -> Bool {
        self.entries[item.key]?.state == .done
    }

    /// The target masters the item names (all of them when it names none).
    private func brokers(of item: PlanItem) throws -> [BrokerReference] {
        if item.brokers.isEmpty { return self.target.brokers }
        return try item.brokers.map { name in
            guard let broker = self.target.brokers.first(where: { $0.brokerName == name }) else {
                throw MetadataMigrationError(.planMismatch, "the target has no master broker named \(name)")
            }
            return broker
        }
    }
}
