public import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle

/// The migration dashboard: a web page and its JSON API over a ``DashboardBackend``, with live updates.
///
/// Anyone who can reach it may read; acting (advance, rollback, check) needs an operator token from the
/// configuration, and every action reaches the backend with the operator's name as the audit's actor.
public struct Dashboard: Sendable {
    private let backend: any DashboardBackend
    private let configuration: DashboardConfiguration
    private let logger: Logger
    let history: TrafficHistory
    let broadcaster: UpdateBroadcaster
    private let routes: DashboardRoutes

    /// Makes a dashboard; nothing runs until ``run()`` or ``application(extraServices:)``.
    public init(backend: any DashboardBackend, configuration: DashboardConfiguration, logger: Logger) {
        self.backend = backend
        self.configuration = configuration
        self.logger = logger
        self.history = TrafficHistory(
            samplesPerTopic: configuration.samplesPerTopic, maxTopics: configuration.maxTrackedTopics)
        self.broadcaster = UpdateBroadcaster(maxSubscribers: configuration.maxEventStreams)
        self.routes = DashboardRoutes(
            api: DashboardAPI(backend: backend, history: history, commandTimeout: configuration.commandTimeout),
            authenticator: OperatorAuthenticator(tokens: configuration.operatorTokens),
            broadcaster: broadcaster, assets: StaticAssets.load())
    }

    /// The router with every dashboard route; `extend` adds more (e.g. `/metrics`).
    public func router(extend: (Router<BasicRequestContext>) -> Void = { _ in }) -> Router<BasicRequestContext> {
        let router = Router()
        routes.add(to: router)
        extend(router)
        return router
    }

    /// Relays the backend's updates to the sparklines and the live-update connections until the backend's stream
    /// ends or the task is cancelled; then ends every live-update connection.
    public func relayUpdates() async {
        for await update in backend.updates() {
            if case .state(let state) = update { history.record(state) }
            broadcaster.publish(update)
        }
        broadcaster.finish()
    }

    /// The HTTP server on the configured address, with the update relay running beside it; run it in a
    /// `ServiceGroup` (it stops on graceful shutdown).
    public func application(
        extend: (Router<BasicRequestContext>) -> Void = { _ in },
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var application = Application(
            router: router(extend: extend),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "ferry-dashboard"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        application.addServices(UpdateRelay(dashboard: self))
        return application
    }

    /// The HTTP server and the update relay as one service for the caller's `ServiceGroup` (the coordinator's);
    /// `extend` adds routes (the coordinator's `/metrics`).
    public func service(
        extend: (Router<BasicRequestContext>) -> Void = { _ in },
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> any Service {
        application(extend: extend, onServerRunning: onServerRunning)
    }

    /// Serves the dashboard (and relays updates) until the task is cancelled or the process gets SIGINT/SIGTERM;
    /// `onServerRunning` gets the bound port.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onServerRunning: onServerRunning).runService()
    }
}

/// Runs ``Dashboard/relayUpdates()`` as a service, ending it on graceful shutdown.
struct UpdateRelay: Service {
    let dashboard: Dashboard

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await dashboard.relayUpdates()
        }
    }
}
