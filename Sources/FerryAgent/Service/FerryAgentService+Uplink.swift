import ControlProtocol

extension FerryAgentService {
    /// How the agent dials the coordinator: address, identity, secret and TLS from the config; nil without
    /// a coordinator.
    /// - Throws: ``AgentConfigurationError`` naming `coordinator` when the secret cannot be read (the text never
    ///   holds the secret).
    static func coordinatorClient(_ configuration: AgentConfiguration) throws(AgentConfigurationError) -> ControlClientConfiguration? {
        guard let coordinator = configuration.coordinator else { return nil }
        let (host, port) = try AgentConfiguration.hostPort(coordinator.address, field: "coordinator.address", allowZero: false)
        let secret: ControlSecret
        do throws(ControlErrorBody) {
            secret = try ControlSecret.load(file: coordinator.secretFile, environment: coordinator.secretEnv)
        } catch {
            throw AgentConfigurationError(field: "coordinator", error.message)
        }
        return ControlClientConfiguration(
            host: host, port: port, role: .agent, id: configuration.agentId, secret: secret,
            tls: coordinator.tls)
    }

    /// The coordinator link while the agent runs; without a coordinator, nothing (the agent works alone: its
    /// proxy, its state file and the local CLI).
    func uplink(
        _ client: ControlClientConfiguration?, executor: AgentCommandExecutor, monitor: AgentMonitor,
        events: AsyncStream<AgentEvent>, changes: AsyncStream<Void>
    ) async {
        guard let client else {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            return
        }
        await CoordinatorLink(
            configuration: client, executor: executor, monitor: monitor, events: events, changes: changes,
            backoff: ReconnectBackoff(), logger: self.logger
        ).run()
    }
}
