import Foundation
import HookRuntime
import Logging
import MigrationEngine
import MigrationStore
import RocketMQClient
import Synchronization
import TrafficReadiness

/// What the agent's parts share once its config is read: the state database and its stores, the hook
/// runtime, the resolved ACL keys, and one readiness session per task (kept between commands, refreshed by
/// ``AgentMonitor``).
final class AgentContext: Sendable {
    let configuration: AgentConfiguration
    let database: MigrationDatabase
    let traffic: TrafficStore
    let commands: AgentCommandStore
    let accesses: ProxyAccessStore
    let hooks: HookRuntime?
    let sourceCredentials: AclCredentials?
    let targetCredentials: AclCredentials?
    let logger: Logger
    private let sessions = Mutex<[String: ReadinessSession]>([:])

    /// Opens the state directory (0700) and database, loads the hooks and resolves the ACL keys.
    /// - Throws: ``AgentConfigurationError`` for keys and hooks; ``MigrationStoreError`` for the database.
    init(configuration: AgentConfiguration, environment: [String: String], logger: Logger) throws {
        try FileManager.default.createDirectory(
            atPath: configuration.stateDirectory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        self.configuration = configuration
        self.sourceCredentials = try configuration.source.credentials(field: "source", environment: environment)
        self.targetCredentials = try configuration.target.credentials(field: "target", environment: environment)
        do {
            self.hooks = try configuration.hooks.map { path throws(HookError) in try HookRuntime(path: path, logger: logger) }
        } catch {
            throw AgentConfigurationError(field: "hooks", "\(error)")
        }
        self.database = try MigrationDatabase(path: configuration.statePath)
        self.traffic = TrafficStore(database: self.database)
        self.commands = AgentCommandStore(database: self.database)
        self.accesses = ProxyAccessStore(database: self.database)
        self.logger = logger
    }

    /// The readiness session of `task`, made on first use.
    func session(for task: MigrationTask) -> ReadinessSession {
        self.sessions.withLock { sessions in
            if let session = sessions[task.name] { return session }
            let session = ReadinessSession(
                task: task, accessLog: StoredProxyAccessLog(store: self.accesses, task: task.name),
                producerGroups: self.configuration.readiness.producerGroups, sourceCredentials: self.sourceCredentials,
                targetCredentials: self.targetCredentials, logger: self.logger)
            sessions[task.name] = session
            return session
        }
    }

    /// Closes every session's connections.
    func shutdown() async {
        let sessions = self.sessions.withLock { sessions in
            defer { sessions = [:] }
            return Array(sessions.values)
        }
        for session in sessions { await session.shutdown() }
    }
}
