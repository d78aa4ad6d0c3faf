import Metrics
import MigrationEngine

/// `ferry_import_items_total{kind, outcome}`: every plan item an import finished, made once per importer.
struct ImportMetrics: Sendable {
    static let itemsName = "ferry_import_items_total"
    static let outcomes = ["created", "updated", "unchanged", "failed"]

    private let counters: [PlanItem.Kind: [String: Counter]]

    init(factory: any MetricsFactory) {
        self.counters = PlanItem.Kind.allCases.reduce(into: [:]) { table, kind in
            table[kind] = Self.outcomes.reduce(into: [:]) { row, outcome in
                row[outcome] = Counter(
                    label: Self.itemsName, dimensions: [("kind", kind.rawValue), ("outcome", outcome)], factory: factory)
            }
        }
    }

    /// Counts one finished item.
    func count(_ kind: PlanItem.Kind, _ outcome: ImportItemResult.Outcome) {
        self.counters[kind]?[outcome.word]?.increment()
    }
}
