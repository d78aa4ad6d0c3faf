public import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// The server side of the control protocol (the coordinator's listener).
///
/// Every accepted connection is greeted, must authenticate within ``ControlLimits/authTimeout`` and is then
/// handed to the `handle` closure of ``run(_:)`` as a ``ControlChannel``, each in its own child task. A
/// connection over ``ControlLimits/maxConnections`` gets `ERR - {"code":429,…}` and is closed.
public final class ControlServer: Sendable {
    /// What the listener yields per accepted connection.
    struct Accepted: Sendable {
        let wrapper: NIOAsyncChannel<ControlLine, ControlLine>
        let authenticated: EventLoopFuture<ControlPeer>
    }

    private let listener: NIOAsyncChannel<Accepted, Never>
    private let connections: ControlConnections
    private let logger: Logger

    /// The bound port.
    public let port: Int

    private init(listener: NIOAsyncChannel<Accepted, Never>, connections: ControlConnections, logger: Logger) {
        self.listener = listener
        self.connections = connections
        self.logger = logger
        self.port = listener.channel.localAddress?.port ?? 0
    }

    /// Binds the listener (serving starts with ``run(_:)``).
    public static func bind(_ configuration: ControlServerConfiguration, logger: Logger) async throws -> ControlServer {
        let tls = try configuration.tls.map { try $0.makeServerContext() }
        let connections = ControlConnections()
        let limits = configuration.limits
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) {
                (channel: any Channel) -> EventLoopFuture<Accepted> in
                guard connections.isOpen else {
                    return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                }
                return channel.eventLoop.makeCompletedFuture {
                    let side: ControlSessionHandler.Side
                    if connections.admit(maximum: limits.maxConnections) {
                        channel.closeFuture.whenComplete { _ in connections.release() }
                        let machine = ServerHandshakeStateMachine(
                            serverNonce: ControlAuth.makeNonce(), secret: configuration.secret,
                            heartbeatSeconds: limits.heartbeatSeconds)
                        side = .server(machine, serverName: configuration.serverName)
                    } else {
                        side = .refusing(
                            ControlErrorBody(.busy, "too many connections (\(limits.maxConnections)); try again later"))
                    }
                    let authenticated = try ControlPipeline.configure(
                        channel, side: side, tls: tls, serverHostname: nil, isServer: true, limits: limits,
                        logger: logger)
                    let wrapper = try NIOAsyncChannel<ControlLine, ControlLine>(wrappingChannelSynchronously: channel)
                    connections.add(wrapper)
                    return Accepted(wrapper: wrapper, authenticated: authenticated)
                }
            }
        logger.info(
            "control server listening",
            metadata: ["control.port": "\(listener.channel.localAddress?.port ?? 0)", "control.tls": "\(tls != nil)"])
        return ControlServer(listener: listener, connections: connections, logger: logger)
    }

    /// Runs until ``shutdown()``; calls `handle` in its own child task for each authenticated connection, and
    /// closes the connection when `handle` returns.
    public func run(_ handle: @escaping @Sendable (ControlChannel) async -> Void) async throws {
        try await self.listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await accepted in inbound {
                    group.addTask { await self.serve(accepted, handle) }
                }
            }
        }
    }

    /// Stops listening and closes every connection; ``run(_:)`` then returns.
    public func shutdown() async {
        try? await self.listener.channel.close()
        await self.connections.close()
    }

    private func serve(_ accepted: Accepted, _ handle: @escaping @Sendable (ControlChannel) async -> Void) async {
        let channel = accepted.wrapper.channel
        guard self.connections.take(channel) else { return }
        defer { self.connections.remove(channel) }
        let peer: ControlPeer
        do {
            peer = try await accepted.authenticated.get()
        } catch {
            try? await accepted.wrapper.executeThenClose { _, _ in }
            return
        }
        self.logger.info(
            "control peer connected",
            metadata: [
                "control.role": "\(peer.role.rawValue)", "control.peer": "\(peer.id)",
                "control.addr": "\(peer.remoteAddress)",
            ])
        do {
            try await accepted.wrapper.executeThenClose { inbound, outbound in
                await handle(ControlChannel(peer: peer, inbound: inbound, outbound: outbound, channel: channel))
            }
        } catch {
            self.logger.debug(
                "control connection ended on error", metadata: ["control.peer": "\(peer.id)", "error": "\(error)"])
        }
        self.logger.info("control peer disconnected", metadata: ["control.peer": "\(peer.id)"])
    }
}
