public import Hummingbird
public import Logging
import NIOCore
public import Prometheus

/// Serves `GET /metrics` in the Prometheus text exposition format (version 0.0.4) from one registry.
///
/// A daemon runs ``application(host:port:logger:)`` as a ServiceLifecycle `Service`; the dashboard mounts
/// ``routes(context:)`` on its own router instead, so one port serves both.
public struct MetricsEndpoint: Sendable {
    /// The `Content-Type` Prometheus expects for the text format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The registry rendered on each scrape.
    public let registry: PrometheusCollectorRegistry

    /// An endpoint over `registry` (the bootstrapped factory's, ``FerryMetricsSystem/bootstrap()``, in a daemon).
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// The scrape body: every family in the registry with its `# HELP` and `# TYPE` lines.
    public func render() -> [UInt8] {
        self.registry.emitToBuffer()
    }

    /// The `GET /metrics` route, to add to any router with `router.addRoutes(endpoint.routes())`.
    public func routes<Context: RequestContext>(context: Context.Type = BasicRequestContext.self) -> RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: Self.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: self.render())))
        }
        return routes
    }

    /// A Hummingbird application serving only `/metrics` on `host:port` (a ServiceLifecycle `Service`).
    /// - Parameter onServerRunning: called with the bound port once the server listens (for port 0).
    public func application(
        host: String, port: Int, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.addRoutes(self.routes())
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "ferry-metrics"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
