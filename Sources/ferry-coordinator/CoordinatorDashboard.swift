import FerryCoordinator
import FerryDashboard
import FerryMetrics
import Hummingbird
import Logging
import ServiceLifecycle

/// The dashboard the coordinator's configuration asks for (its `dashboard` section), over the coordinator's own
/// operations.
enum CoordinatorDashboard {
    /// The dashboard's service, with `/metrics` beside it, or nil when the configuration has no `dashboard`
    /// section.
    static func service(
        configuration: CoordinatorConfiguration, coordinator: CoordinatorService, metrics: MetricsEndpoint,
        logger: Logger
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
        return dashboard.service(extend: { $0.addRoutes(metrics.routes()) }) { port in
            logger.info("dashboard.listening", metadata: ["listen.addr": "\(listen.host):\(port)"])
        }
    }
}
