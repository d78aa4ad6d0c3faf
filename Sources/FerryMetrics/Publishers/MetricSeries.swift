/// One time series a publisher exports: a catalogue family and its label values, in the family's label order.
struct MetricSeries: Hashable, Sendable {
    /// The family name.
    let family: String
    /// The label values, one per ``FerryMetric/labels`` name.
    let values: [String]

    init(_ metric: FerryMetric, _ values: String...) {
        self.init(metric, values)
    }

    init(_ metric: FerryMetric, _ values: [String]) {
        precondition(values.count == metric.labels.count, "\(metric.name) takes labels \(metric.labels)")
        self.family = metric.name
        self.values = values
    }

    /// The swift-metrics dimensions of the series.
    var dimensions: [(String, String)] {
        Array(zip(FerryMetric.byName[self.family]?.labels ?? [], self.values))
    }
}

extension Int64 {
    /// `self + other`, pinned at `Int64.max` instead of trapping (counts come from peers).
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = self.addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
