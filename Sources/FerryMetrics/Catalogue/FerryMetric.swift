/// One metric family Ferry exports: its Prometheus name, type, help text and label names.
///
/// Every family a Ferry process exports is in ``FerryMetric/catalogue``; `docs/metrics.md` documents the same
/// list. The instrumented libraries name their metrics with the same strings (they cannot import this module
/// without pulling the HTTP server into the proxy), and a test checks that a scrape holds no family missing here.
public struct FerryMetric: Sendable, Hashable {
    /// The Prometheus type of a family.
    public enum Kind: String, Sendable, Hashable {
        /// A monotonic count (`_total` suffix).
        case counter
        /// A value that goes up and down.
        case gauge
        /// Observations in buckets (`_bucket`, `_sum`, `_count` series).
        case histogram
    }

    /// The family name (`ferry_…`, base units, counters end in `_total`).
    public var name: String
    /// Its type.
    public var kind: Kind
    /// The `# HELP` text.
    public var help: String
    /// Its label names, in the order the series carry them.
    public var labels: [String]
    /// The bucket upper bounds in seconds, for duration histograms.
    public var buckets: [Duration]

    /// Describes a family.
    public init(name: String, kind: Kind, help: String, labels: [String] = [], buckets: [Duration] = []) {
        self.name = name
        self.kind = kind
        self.help = help
        self.labels = labels
        self.buckets = buckets
    }
}
