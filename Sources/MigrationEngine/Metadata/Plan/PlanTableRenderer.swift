import Foundation

/// Renders a plan as a table for terminals: counts per kind and action, then every item that needs the
/// operator's eye (conflicts, failures, skips, policy changes). ACL secrets never appear.
public struct PlanTableRenderer: Sendable {
    /// At most this many detail lines per section (0 = all).
    public var detailLimit: Int

    /// A renderer; by default each detail section lists at most 10 items.
    public init(detailLimit: Int = 10) {
        self.detailLimit = detailLimit
    }

    /// The table.
    public func render(_ plan: MetadataPlan) -> String {
        let sources = plan.sources.map { "\($0.label) (\($0.origin.rawValue), \($0.topics) topics, \($0.groups) groups)" }
        let brokers = plan.target.brokers.map(\.brokerName).joined(separator: ", ")
        var lines = [
            "Sources: \(sources.joined(separator: "; "))",
            "Target:  \(plan.target.cluster ?? "?") [\(brokers)], ACL \(plan.target.aclEnabled ? "on" : "off"), "
                + "queues clamped to \(plan.queuePolicy.minimum)...\(plan.queuePolicy.maximum)",
            "",
        ]
        let actions = PlanItem.Action.allCases
        let header = ["kind"] + actions.map(\.rawValue) + ["total"]
        var rows = [header]
        let counts = plan.counts()
        for kind in PlanItem.Kind.allCases {
            let row = counts[kind] ?? [:]
            rows.append([kind.rawValue] + actions.map { String(row[$0] ?? 0) } + [String(row.values.reduce(0, +))])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            lines.append(cells.joined(separator: "  "))
        }
        for (title, filter) in Self.sections {
            let picked = plan.items.filter(filter)
            guard !picked.isEmpty else { continue }
            lines.append("")
            lines.append("\(title) (\(picked.count)):")
            let shown = self.detailLimit > 0 ? Array(picked.prefix(self.detailLimit)) : picked
            for item in shown {
                let detail = item.reason ?? item.notes.joined(separator: "; ")
                lines.append("  \(item.kind.rawValue) \(item.name): \(detail)")
            }
            if shown.count < picked.count { lines.append("  … and \(picked.count - shown.count) more (see the plan file)") }
        }
        return lines.joined(separator: "\n")
    }

    private static let sections: [(String, @Sendable (PlanItem) -> Bool)] = [
        ("Conflicts: nothing is imported for these", { $0.action == .conflict }),
        ("Failed", { $0.action == .failed }),
        ("Skipped", { $0.action == .skip }),
        ("Changed by mapping or policy", { $0.action.writes && !$0.notes.isEmpty }),
    ]
}
