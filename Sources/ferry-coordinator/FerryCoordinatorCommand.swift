import ArgumentParser
import FerryCoordinator
import FerryMetrics
import Logging
import ServiceLifecycle
import UnixSignals

/// `ferry-coordinator --config FILE`: the coordinator daemon. SIGTERM and SIGINT stop it gracefully.
@main
struct FerryCoordinatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ferry-coordinator",
        abstract: "Accept ferry-agents and operators, dispatch commands, keep every outcome (docs/coordinator.md)."
    )

    @Option(help: "The configuration file (YAML).")
    var config: String

    @Flag(help: "Check the configuration and the secret, then exit.")
    var checkConfig = false

    func run() async throws {
        let configuration: CoordinatorConfiguration
        do {
            configuration = try CoordinatorConfiguration.load(path: self.config)
        } catch {
            throw ValidationError(error.message)
        }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "ferry.coordinator")
        // Before anything creates a metric: swift-metrics objects keep the factory they were made with.
        let factory = FerryMetricsSystem.bootstrap()
        let service = try CoordinatorService(configuration: configuration, logger: logger)
        if self.checkConfig {
            print("\(self.config): ok")
            return
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: service), .init(service: AgentGaugePublisher(operations: service.operations)),
        ]
        if let dashboard = try CoordinatorDashboard.service(
            configuration: configuration, coordinator: service, metrics: MetricsEndpoint(registry: factory.registry),
            logger: logger)
        {
            services.append(.init(service: dashboard))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
