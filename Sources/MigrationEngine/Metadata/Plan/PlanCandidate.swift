/// One source's version of a target resource, before sources are merged.
struct PlanCandidate: Sendable {
    init(kind: PlanItem.Kind, name: String, origin: PlanOrigin) {
        self.kind = kind
        self.name = name
        self.origin = origin
    }

    var kind: PlanItem.Kind
    var name: String
    var origin: PlanOrigin
    var topic: MetadataTopic?
    var group: MetadataGroup?
    var account: AclAccount?
    var offsets: OffsetAssignment?
    var notes: [String] = []
    /// Set when the source's resource is not planned: skipped by the hook, or failed.
    var unplanned: (action: PlanItem.Action, reason: String)?

    /// Whether two candidates want the same thing on the target.
    func agrees(with other: PlanCandidate) -> Bool {
        self.topic == other.topic && self.group == other.group && self.account == other.account
            && self.offsets == other.offsets
    }

    /// A one-line account of the settings, for conflict reports (secrets never appear).
    var settingsSummary: String {
        if let topic { return topic.queueSummary }
        if let group { return group.settingsSummary }
        if let account {
            return "admin \(account.admin) topicPerms \(account.topicPerms.count) groupPerms \(account.groupPerms.count)"
        }
        if let offsets {
            return "\(offsets.offsets.values.reduce(0) { $0 + $1.count }) queues"
        }
        return ""
    }
}
