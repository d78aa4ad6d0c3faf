import FerryMetrics
import Hummingbird
import Logging

extension FerryAgentService {
    /// Serves `/metrics` (the process's bootstrapped registry) on `settings.listen` until cancelled; a bind
    /// failure is logged and leaves the agent running, since routes matter more than metrics.
    func serveMetrics(_ settings: MetricsSettings) async {
        do {
            let (host, port) = try AgentConfiguration.hostPort(settings.listen, field: "metrics.listen", allowZero: true)
            let endpoint = MetricsEndpoint(registry: FerryMetricsSystem.bootstrap().registry)
            let logger = self.logger
            try await endpoint.application(host: host, port: port, logger: logger) { bound in
                logger.info("agent.metrics.listening", metadata: ["listen.addr": "\(host):\(bound)"])
            }.run()
        } catch {
            self.logger.warning("agent.metrics.failed", metadata: ["error": "\(error)"])
        }
    }
}
