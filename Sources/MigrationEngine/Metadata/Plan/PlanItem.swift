/// One thing a plan creates, updates or leaves alone on the target.
public struct PlanItem: Sendable, Codable, Hashable {
    /// What kind of resource.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
        /// A topic.
        case topic
        /// A consumer group.
        case group
        /// An ACL 1.0 account.
        case aclAccount
        /// A consumer group's committed offsets on one topic (imported only with `--offsets`).
        case consumerOffsets

        /// Declaration order.
        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the import will do with the item.
    public enum Action: String, Sendable, Codable, Hashable, CaseIterable {
        /// Absent on the target: create it.
        case create
        /// Present on some target brokers or (with overwrite) different: write it.
        case update
        /// The target already has it as planned: nothing to write.
        case unchanged
        /// Sources disagree, or the target differs and overwrite is off: nothing is imported until the
        /// operator picks a winner (`--prefer`) or allows the overwrite.
        case conflict
        /// The mapping hook skipped it, or it cannot apply to this target.
        case skip
        /// Planning it failed (e.g. the mapping hook raised an error); ``PlanItem/reason`` says why.
        case failed

        /// Whether import writes anything for this action.
        public var writes: Bool { self == .create || self == .update }
    }

    /// `kind:name`, unique within a plan and the journal's item key.
    public var key: String
    /// What kind of resource.
    public var kind: Kind
    /// The target name (for offsets, `topic@group`).
    public var name: String
    /// What the import does.
    public var action: Action
    /// Where it came from: each source file's label and the name there.
    public var origins: [PlanOrigin]
    /// The target master brokers it is written to (topics, groups, offsets); edit to narrow.
    public var brokers: [String]
    /// The topic as created on each listed broker (per-broker queue counts).
    public var topic: MetadataTopic?
    /// The group as created on each listed broker.
    public var group: MetadataGroup?
    /// The ACL account.
    public var account: AclAccount?
    /// The offsets to write.
    public var offsets: OffsetAssignment?
    /// For an ordered topic, the target NameServer's `ORDER_TOPIC_CONFIG` value to write
    /// (`brokerName:writeQueueNums` for each target broker, `;`-separated).
    public var orderTopicConf: String?
    /// Every change the plan made to the source's settings, each with its reason.
    public var notes: [String]
    /// Why the item is a conflict, skipped or failed.
    public var reason: String?

    /// Creates an item; its key is `kind:name`.
    public init(
        kind: Kind, name: String, action: Action, origins: [PlanOrigin], brokers: [String] = [],
        notes: [String] = [], reason: String? = nil
    ) {
        self.key = "\(kind.rawValue):\(name)"
        self.kind = kind
        self.name = name
        self.action = action
        self.origins = origins
        self.brokers = brokers
        self.notes = notes
        self.reason = reason
    }
}

/// A source of a plan item: the export file's label and the resource's name there.
public struct PlanOrigin: Sendable, Codable, Hashable, Comparable {
    /// The source's label (its cluster name, or the file name for mqadmin files).
    public var source: String
    /// The name in that source.
    public var name: String

    /// Creates an origin.
    public init(source: String, name: String) {
        self.source = source
        self.name = name
    }

    /// Orders by source, then name.
    public static func < (lhs: PlanOrigin, rhs: PlanOrigin) -> Bool { (lhs.source, lhs.name) < (rhs.source, rhs.name) }
}

/// The offsets a consumer group had committed on a topic, laid onto the target's brokers.
public struct OffsetAssignment: Sendable, Codable, Hashable {
    /// The target topic.
    public var topic: String
    /// The target group.
    public var group: String
    /// target broker → queue id (decimal string) → offset.
    public var offsets: [String: [String: Int64]]

    /// Creates an assignment.
    public init(topic: String, group: String, offsets: [String: [String: Int64]]) {
        self.topic = topic
        self.group = group
        self.offsets = offsets
    }
}
