public import Metrics
public import Prometheus

/// A swift-metrics factory over one `PrometheusCollectorRegistry` that gives every family its `# HELP` text and
/// histogram buckets from ``FerryMetric/catalogue``.
///
/// swift-prometheus' own `PrometheusMetricsFactory` registers every family with an empty help text, and the
/// registry refuses two help texts for one name, so the whole process must create its metrics through this
/// factory. A label the catalogue does not know (a third-party library's) gets a generic help text.
public struct FerryMetricsFactory: MetricsFactory, Sendable {
    /// The registry the metrics live in, and that ``MetricsEndpoint`` renders.
    public let registry: PrometheusCollectorRegistry

    /// A factory over `registry` (a fresh one by default: tests make their own, processes use
    /// ``FerryMetricsSystem/bootstrap()``).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// The family `name` with its catalogue help text (the name is kept whole: no unit or namespace is added).
    static func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: name, unitName: "",
            helpText: FerryMetric.byName[name]?.help ?? "\(name), reported through swift-metrics.")
    }

    /// A counter (`# TYPE counter`).
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        self.registry.makeCounter(descriptor: Self.descriptor(label), labels: dimensions)
    }

    /// A counter taking fractional increments.
    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        self.registry.makeCounter(descriptor: Self.descriptor(label), labels: dimensions)
    }

    /// A gauge, or a value histogram when `aggregate`.
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else { return self.registry.makeGauge(descriptor: Self.descriptor(label), labels: dimensions) }
        return self.registry.makeValueHistogram(
            descriptor: Self.descriptor(label), labels: dimensions, buckets: [0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000])
    }

    /// A gauge.
    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        self.registry.makeGauge(descriptor: Self.descriptor(label), labels: dimensions)
    }

    /// A duration histogram with the catalogue's buckets for `label`.
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let buckets = FerryMetric.byName[label]?.buckets ?? []
        return self.registry.makeDurationHistogram(
            descriptor: Self.descriptor(label), labels: dimensions,
            buckets: buckets.isEmpty ? [.milliseconds(1), .milliseconds(10), .milliseconds(100), .seconds(1), .seconds(10)] : buckets)
    }

    /// Removes the counter's series from the registry.
    public func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { self.registry.unregisterCounter(counter) }
    }

    /// Removes the counter's series from the registry.
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { self.registry.unregisterCounter(counter) }
    }

    /// Removes the gauge's or histogram's series from the registry.
    public func destroyRecorder(_ handler: any RecorderHandler) {
        switch handler {
        case let gauge as Prometheus.Gauge: self.registry.unregisterGauge(gauge)
        case let histogram as ValueHistogram: self.registry.unregisterValueHistogram(histogram)
        default: break
        }
    }

    /// Removes the gauge's series from the registry.
    public func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { self.registry.unregisterGauge(gauge) }
    }

    /// Removes the histogram's series from the registry.
    public func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram { self.registry.unregisterDurationHistogram(histogram) }
    }
}
