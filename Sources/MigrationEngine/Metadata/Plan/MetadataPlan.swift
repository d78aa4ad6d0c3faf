public import Foundation

/// A reviewable metadata plan: every topic, group, ACL account and offset set, with what import will do.
///
/// Its JSON (``encoded()``) is stable: items sorted by key, object keys sorted, no timestamps, so the
/// same inputs give the same bytes and the journal can identify a plan by the hash of its file.
public struct MetadataPlan: Sendable, Codable, Hashable {
    /// The version this build writes.
    public static let currentFormatVersion = 1

    /// The plan format's version.
    public var formatVersion: Int
    /// The sources merged, in the order given.
    public var sources: [PlanSourceSummary]
    /// The target as read when planning.
    public var target: PlanTargetSummary
    /// The queue-count policy applied.
    public var queuePolicy: QueueCountPolicy
    /// Every item, sorted by key.
    public var items: [PlanItem]

    /// Creates a plan; items are sorted by key.
    public init(
        sources: [PlanSourceSummary], target: PlanTargetSummary, queuePolicy: QueueCountPolicy, items: [PlanItem]
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.sources = sources
        self.target = target
        self.queuePolicy = queuePolicy
        self.items = items.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
    }

    /// How many items of each kind have each action.
    public func counts() -> [PlanItem.Kind: [PlanItem.Action: Int]] {
        self.items.reduce(into: [:]) { $0[$1.kind, default: [:]][$1.action, default: 0] += 1 }
    }

    /// The plan file's bytes.
    public func encoded() -> Data { JSONFile.encode(self) }

    /// Reads a plan file, checking its shape and values (``MetadataFormatError`` names the key path).
    public static func read(_ data: Data, source: String) throws(MetadataFormatError) -> MetadataPlan {
        let plan = try JSONFile.decode(MetadataPlan.self, from: data, source: source)
        guard plan.formatVersion <= Self.currentFormatVersion else {
            throw MetadataFormatError(
                .unsupportedVersion, source: source,
                "plan format \(plan.formatVersion) is newer than this Ferry reads (\(Self.currentFormatVersion))",
                keyPath: "formatVersion")
        }
        try plan.validate(source: source)
        return plan
    }
}

/// A source as the plan records it.
public struct PlanSourceSummary: Sendable, Codable, Hashable {
    /// The label items refer to (cluster name, or file name).
    public var label: String
    /// Which tool wrote the file.
    public var origin: MetadataExport.Origin
    /// How its queue counts were read.
    public var queueCountScope: MetadataExport.QueueCountScope
    /// Its topic count after system resources were dropped.
    public var topics: Int
    /// Its group count.
    public var groups: Int

    /// Creates a summary.
    public init(
        label: String, origin: MetadataExport.Origin, queueCountScope: MetadataExport.QueueCountScope, topics: Int,
        groups: Int
    ) {
        self.label = label
        self.origin = origin
        self.queueCountScope = queueCountScope
        self.topics = topics
        self.groups = groups
    }
}

/// The target as the plan records it.
public struct PlanTargetSummary: Sendable, Codable, Hashable {
    /// The target cluster's name, when known.
    public var cluster: String?
    /// The target's master brokers.
    public var brokers: [BrokerReference]
    /// Whether the target enforces ACL (accounts are imported only then).
    public var aclEnabled: Bool

    /// Creates a summary.
    public init(cluster: String?, brokers: [BrokerReference], aclEnabled: Bool) {
        self.cluster = cluster
        self.brokers = brokers
        self.aclEnabled = aclEnabled
    }
}
