import FerryDashboard
public import FerryMetrics
import Hummingbird
public import Logging
public import ServiceLifecycle

/// The dashboard the coordinator's configuration asks for (its `dashboard` section), over the coordinator's own
/// operations: what `ferry-coordinator` serves, and what the live demo serves beside its in-process coordinator.
public enum CoordinatorDashboard {
    /// The dashboard's service, with `/metrics` beside it when `metrics` is given, or nil when the configuration
    /// has no `dashboard` section. `onListening` gets the bound port (useful with port 0) once the server listens.
    public static func service(
        configuration: CoordinatorConfiguration, coordinator: CoordinatorService, metrics: MetricsEndpoint?,
        logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> (any Service)? {
        guard let section = configuration.dashboard else { return nil }
        guard let listen = HostPort(parsing: section.listen) else {
            throw CoordinatorConfigurationError("`dashboard.listen` must be host:port with a port 0–65535")
        }
        let dashboard = Dashboard(
            backend: CoordinatorDashboardBackend(operations: coordinator.operations),
            configuration: DashboardConfiguration(
                host: listen.host, port: listen.port, operatorTokens: try section.resolvedOperatorTokens()),
            logger: logger)
        return dashboard.service(extend: { router in if let metrics { router.addRoutes(metrics.routes()) } }) { port in
            logger.info("dashboard.listening", metadata: ["listen.addr": "\(listen.host):\(port)"])
            await onListening(port)
        }
    }
}
