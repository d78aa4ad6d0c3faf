public import Logging
public import MigrationStore

extension NameServerProxy {
    /// Serves the task named `task` as committed in `database` (the state file `ferry migrate` and the agent
    /// write): rules from its ``TrafficStore``, client accesses and health written to its ``ProxyAccessStore``.
    /// Steps committed to the file by any process are served within ``NameServerProxyConfiguration/rulesPollInterval``.
    /// - Parameter passThroughWhenMissing: serve the source's routes while the task does not exist yet.
    public static func start(
        task: String, database: MigrationDatabase, configuration: NameServerProxyConfiguration, host: String, port: Int,
        passThroughWhenMissing: Bool = false, logger: Logger
    ) async throws -> NameServerProxy {
        try await Self.start(
            taskName: task, configuration: configuration,
            rules: TrafficStoreRulesSource(
                store: TrafficStore(database: database), taskName: task, passThroughWhenMissing: passThroughWhenMissing),
            store: ProxyAccessStore(database: database), host: host, port: port, logger: logger)
    }
}
