import Metrics
import Synchronization

/// The process's one metrics registry: ``bootstrap()`` installs a ``FerryMetricsFactory`` as swift-metrics'
/// global factory the first time it is called and returns the same factory on every later call.
///
/// Daemons call it before they start anything that creates metrics (swift-metrics objects keep the factory
/// they were made with, so a proxy started before the bootstrap would report nowhere). Tests do not bootstrap:
/// they pass their own ``FerryMetricsFactory`` to what they test.
public enum FerryMetricsSystem {
    private static let installed = Mutex<FerryMetricsFactory?>(nil)

    /// Bootstraps swift-metrics with a ``FerryMetricsFactory`` once per process; later calls return it.
    @discardableResult
    public static func bootstrap() -> FerryMetricsFactory {
        installed.withLock { installed in
            if let installed { return installed }
            let factory = FerryMetricsFactory()
            MetricsSystem.bootstrap(factory)
            installed = factory
            return factory
        }
    }
}
