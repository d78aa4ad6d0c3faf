import ArgumentParser
import FerryAgent
import FerryMetrics
import Logging
import ServiceLifecycle
import UnixSignals

/// `ferry-agent --config FILE [--check-config]`: the agent beside one source cluster.
@main
struct FerryAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ferry-agent",
        abstract: "Serve a source cluster's migration: routing proxy, stage steps, checks, hooks, coordinator link.",
        discussion: """
            SIGTERM or SIGINT: stop taking commands, finish the running one, close the proxy, exit 0. SIGHUP: \
            reload the hook scripts (a broken set is reported and the previous one stays). See docs/agent.md.
            """
    )

    @Option(help: "The config file (YAML; see scripts/deploy/agent.example.yaml).")
    var config: String

    @Flag(help: "Check the config and the keys it names, print a summary without secrets, and exit.")
    var checkConfig = false

    func run() async throws {
        let configuration: AgentConfiguration
        do {
            configuration = try AgentConfiguration.load(path: self.config)
            if self.checkConfig {
                let source = try configuration.source.credentials(field: "source")
                let target = try configuration.target.credentials(field: "target")
                print(
                    "ferry-agent: \(self.config) is valid: agent \(configuration.agentId), cluster \(configuration.cluster), "
                        + "task \(configuration.task), proxy \(configuration.proxy.listen), "
                        + "source ACL \(source == nil ? "off" : "on"), target ACL \(target == nil ? "off" : "on"), "
                        + "coordinator \(configuration.coordinator?.address ?? "none")")
                return
            }
        } catch {
            print("ferry-agent: \(error)")
            throw ExitCode(2)
        }
        let logger = Logger(label: "ferry.agent")
        // Before the proxy and the hooks create their metrics: swift-metrics objects keep the factory they were
        // made with, so anything made before the bootstrap would report nowhere.
        if configuration.metrics != nil { FerryMetricsSystem.bootstrap() }
        let service = try FerryAgentService(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await withThrowingDiscardingTaskGroup { tasks in
            tasks.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) { await service.reloadHooks() }
            }
            try await group.run()
            tasks.cancelAll()
        }
    }
}
