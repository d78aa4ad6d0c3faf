import ControlProtocol
public import Logging
import MigrationStore
public import ServiceLifecycle

/// `ferry-coordinator` as a service: the control port agents and operators dial, the agent registry, command
/// dispatch with per-agent acks, and the coordinator's state file. Run it in a `ServiceGroup`; a graceful
/// shutdown stops the server, a crash loses nothing committed (see ``CoordinatorOperations``).
public final class CoordinatorService: Service, Sendable {
    /// The same operations the control port serves, in-process (for the dashboard).
    public let operations: CoordinatorOperations
    private let configuration: CoordinatorConfiguration
    private let secret: ControlSecret
    private let hub: CoordinatorHub
    private let logger: Logger
    private let boundPort = BoundPort()

    /// Validates `configuration`, loads the shared secret and opens (creating when missing) the state file.
    public init(configuration: CoordinatorConfiguration, logger: Logger) throws {
        try configuration.validate()
        self.configuration = configuration
        self.secret = try ControlSecret.load(file: configuration.secretFile, environment: configuration.secretEnv)
        let database = try MigrationDatabase(path: configuration.databasePath)
        self.hub = try CoordinatorHub(
            store: CoordinatorStore(database: database), limits: configuration.limits,
            defaultTimeout: .seconds(configuration.commandTimeoutSeconds), logger: logger)
        self.operations = CoordinatorOperations(hub: self.hub)
        self.logger = logger
    }

    /// The bound control port (waits until ``run()`` has bound it; useful with port 0).
    public var port: Int {
        get async { await self.boundPort.value() }
    }

    /// Binds the control port and serves until a graceful shutdown or cancellation.
    public func run() async throws {
        guard let listen = HostPort(parsing: self.configuration.listen) else {
            throw CoordinatorConfigurationError("`listen` must be host:port with a port 0–65535")
        }
        var limits = ControlLimits()
        limits.maxLineBytes = self.configuration.limits.maxLineBytes
        limits.heartbeatSeconds = self.configuration.limits.heartbeatSeconds
        let server = try await ControlServer.bind(
            ControlServerConfiguration(
                host: listen.host, port: listen.port, serverName: "ferry-coordinator", secret: self.secret,
                tls: self.configuration.tls.map(Self.tls), limits: limits),
            logger: self.logger)
        await self.boundPort.set(server.port)
        self.logger.info("coordinator.listening", metadata: ["listen.addr": "\(listen.host):\(server.port)"])
        try await withGracefulShutdownHandler {
            try await server.run { channel in await self.serve(channel) }
        } onGracefulShutdown: {
            Task { await server.shutdown() }
        }
    }

    private func serve(_ channel: ControlChannel) async {
        switch channel.peer.role {
        case .agent: await AgentSession(hub: self.hub, channel: channel, logger: self.logger).run()
        case .operator: await OperatorSession(hub: self.hub, channel: channel, logger: self.logger).run()
        }
    }

    private static func tls(_ tls: CoordinatorConfiguration.TLS) -> ControlTLSConfiguration {
        ControlTLSConfiguration(
            certificateChainFile: tls.certificateChainFile, privateKeyFile: tls.privateKeyFile,
            trustRootsFile: tls.trustRootsFile)
    }
}
