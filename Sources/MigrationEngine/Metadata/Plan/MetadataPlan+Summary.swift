public import Foundation

extension MetadataPlan {
    /// The plan's summary as data for `ferry metadata plan --json` (what ``PlanTableRenderer`` shows people):
    /// `{"file", "sources": [{"label", "origin", "queueCountScope", "topics", "groups"}], "target": {"cluster",
    /// "brokers": [{"brokerName", "addr"}], "aclEnabled"}, "queuePolicy": {"minimum", "maximum"}, "counts":
    /// {kind: {action: n, …, "total": n}}, "items": [{"key", "kind", "name", "action", "origins", "brokers",
    /// "notes", "reason"?, "topic"?, "group"?}]}`.
    ///
    /// Every kind and action is counted, zeros included. Items carry the planned topic or group in RocketMQ's
    /// own field names (`readQueueNums`, `retryMaxTimes`…); an ACL account carries only its access key (the
    /// item's name), never its secret. Sorted keys, so equal plans give equal bytes.
    public func summaryJSON(file: String) -> Data {
        let counts = self.counts()
        let table = PlanItem.Kind.allCases.reduce(into: [String: [String: Int]]()) { table, kind in
            let row = counts[kind] ?? [:]
            var cells = PlanItem.Action.allCases.reduce(into: [String: Int]()) { $0[$1.rawValue] = row[$1] ?? 0 }
            cells["total"] = row.values.reduce(0, +)
            table[kind.rawValue] = cells
        }
        return JSONFile.encode(
            PlanSummary(
                file: file, sources: self.sources, target: self.target, queuePolicy: self.queuePolicy, counts: table,
                items: self.items.map(PlanSummary.Item.init)))
    }
}

/// The shape of ``MetadataPlan/summaryJSON(file:)``.
private struct PlanSummary: Encodable {
    var file: String
    var sources: [PlanSourceSummary]
    var target: PlanTargetSummary
    var queuePolicy: QueueCountPolicy
    var counts: [String: [String: Int]]
    var items: [Item]

    /// A plan item without its ACL account (which holds a secret key) and offsets (which can be large).
    struct Item: Encodable {
        var key: String
        var kind: PlanItem.Kind
        var name: String
        var action: PlanItem.Action
        var origins: [PlanOrigin]
        var brokers: [String]
        var notes: [String]
        var reason: String?
        var topic: MetadataTopic?
        var group: MetadataGroup?

        init(_ item: PlanItem) {
            self.key = item.key
            self.kind = item.kind
            self.name = item.name
            self.action = item.action
            self.origins = item.origins
            self.brokers = item.brokers
            self.notes = item.notes
            self.reason = item.reason
            self.topic = item.topic
            self.group = item.group
        }
    }
}
