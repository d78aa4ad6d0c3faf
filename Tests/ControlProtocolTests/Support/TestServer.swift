import Logging

@testable import ControlProtocol

/// A running ``ControlServer`` for one test: `handle` serves each connection; the server stops after `body`.
func withControlServer<T: Sendable>(
    secret: ControlSecret? = nil, limits: ControlLimits = ControlLimits(), tls: ControlTLSConfiguration? = nil,
    logger: Logger = quietLogger, handle: @escaping @Sendable (ControlChannel) async -> Void,
    _ body: (ControlServer) async throws -> T
) async throws -> T {
    let configuration = ControlServerConfiguration(
        host: "127.0.0.1", port: 0, serverName: "ferry-coordinator test", secret: try secret ?? testSecret(), tls: tls,
        limits: limits)
    let server = try await ControlServer.bind(configuration, logger: logger)
    async let running: Void = server.run(handle)
    do {
        let result = try await body(server)
        await server.shutdown()
        try await running
        return result
    } catch {
        await server.shutdown()
        try? await running
        throw error
    }
}

/// A client configuration for a test server.
func clientConfiguration(
    port: Int, role: ControlRole = .agent, id: String = "agent-hz-1", secret: ControlSecret? = nil,
    tls: ControlTLSConfiguration? = nil
) throws -> ControlClientConfiguration {
    ControlClientConfiguration(
        host: "127.0.0.1", port: port, role: role, id: id, secret: try secret ?? testSecret(), tls: tls)
}

/// Answers every line with `OK` and its id (a minimal coordinator).
@Sendable func answerEveryLine(_ channel: ControlChannel) async {
    do {
        for try await line in channel.inbound {
            try await channel.send(ControlLine(.ok, id: line.id))
        }
    } catch {}
}
