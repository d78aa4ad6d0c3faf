/// Builds a ``MetadataPlan`` from one or more exports and the target's current metadata. Pure: the
/// only effect is calling the ``ResourceMapper`` (a Lua hook at most).
///
/// Steps: map every topic and group (a hook error fails that item only), apply the queue-count policy,
/// merge the sources (same target name with different settings is a conflict unless a winner is
/// preferred), then diff each item against the target (create / update / unchanged / conflict).
public struct MetadataPlanner: Sendable {
    /// A source to merge: its label (which `--prefer` names) and its export.
    public struct Source: Sendable {
        /// The label: the export's cluster name, else the file name.
        public var label: String
        /// The export.
        public var export: MetadataExport

        /// Creates a source.
        public init(label: String, export: MetadataExport) {
            self.label = label
            self.export = export
        }
    }

    /// The mapping applied to every topic and group.
    public var mapper: any ResourceMapper
    /// The operator's choices.
    public var options: PlanOptions

    /// A planner with a mapper (default: ``DefaultResourceMapper``) and options.
    public init(mapper: any ResourceMapper = DefaultResourceMapper(), options: PlanOptions = PlanOptions()) {
        self.mapper = mapper
        self.options = options
    }

    /// Plans the import of `sources` into `target`.
    public func plan(sources: [Source], target: TargetMetadata) async -> MetadataPlan {
        var candidates: [PlanCandidate] = []
        for source in sources {
            candidates += await self.candidates(for: source, target: target)
        }
        let grouped = Dictionary(grouping: candidates) { "\($0.kind.rawValue):\($0.name)" }
        let items = grouped.values.map { group in
            let merged = self.merge(group)
            // `merge` leaves a planned winner at `.create`; the diff decides what it really is.
            var item = merged.action == .create ? self.diff(merged, against: target) : merged
            // Import needs a secret only to write the account or to see it is unchanged: a plan file is
            // read by reviewers, so every other account keeps its settings but not its secret.
            if !item.action.writes, item.action != .unchanged { item.account?.secretKey = "" }
            return item
        }
        let summaries = sources.map {
            PlanSourceSummary(
                label: $0.label, origin: $0.export.origin, queueCountScope: $0.export.queueCountScope,
                topics: $0.export.topics.count, groups: $0.export.groups.count)
        }
        return MetadataPlan(
            sources: summaries,
            target: PlanTargetSummary(cluster: target.cluster, brokers: target.brokers, aclEnabled: target.aclEnabled),
            queuePolicy: self.options.queuePolicy, items: items)
    }
}
