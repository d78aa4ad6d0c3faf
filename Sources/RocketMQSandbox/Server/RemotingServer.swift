import Logging
import NIOCore
import NIOPosix
import RocketMQRemoting
import Synchronization

/// A TCP server speaking RocketMQ remoting frames (`NettyRemotingServer` without the thread pools).
///
/// Each connection is an `NIOAsyncChannel` of ``RemotingCommand``s decoded by ``RemotingFrameDecoder``; a
/// connection whose bytes cannot be decoded (garbage, oversize frame) is closed on its own while the others
/// keep being served. Requests go to a ``RemotingRequestHandler``, each in its own child task so a
/// held (long-polling) pull never blocks the connection.
final class RemotingServer: Sendable {
    typealias Listener = NIOAsyncChannel<NIOAsyncChannel<RemotingCommand, RemotingCommand>, Never>

    private let listener: Listener
    /// Closed by ``close()``: a connection accepted while closing is refused before it gets an async wrapper
    /// (an accepted child that is never served would otherwise be dropped unfinished), and one accepted just
    /// before is closed as soon as its serving task starts.
    private let connections: ConnectionRegistry
    private let logger: Logger
    private let nextConnectionID = Atomic<Int>(1)

    /// The bound port.
    let port: Int

    /// Binds `host:port` (0 for an ephemeral port).
    init(
        host: String, port: Int, maxFrameLength: Int, logger: Logger,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws {
        let connections = ConnectionRegistry()
        self.connections = connections
        self.listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                guard connections.isOpen else {
                    return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(RemotingFrameDecoder(maxFrameLength: maxFrameLength)))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    return try NIOAsyncChannel<RemotingCommand, RemotingCommand>(wrappingChannelSynchronously: channel)
                }
            }
        self.port = self.listener.channel.localAddress?.port ?? port
        self.logger = logger
    }

    /// Accepts connections and routes their requests to `handler` until ``close()``.
    func serve(_ handler: any RemotingRequestHandler) async {
        do {
            try await self.listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await child in inbound {
                        group.addTask { await self.serveConnection(child, handler) }
                    }
                }
            }
        } catch {
            self.logger.debug("sandbox listener ended", metadata: ["error": "\(error)"])
        }
    }

    /// Closes the listener and every open connection; ``serve()`` then returns.
    func close() async {
        let open = self.connections.close()
        try? await self.listener.channel.close()
        for channel in open { try? await channel.close() }
    }

    private func serveConnection(
        _ child: NIOAsyncChannel<RemotingCommand, RemotingCommand>, _ handler: any RemotingRequestHandler
    ) async {
        let id = self.nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
        let remote = child.channel.remoteAddress
        let address = "\(remote?.ipAddress ?? "0.0.0.0"):\(remote?.port ?? 0)"
        guard self.connections.register(child.channel, id: id) else {
            // Accepted just before close() and reached here just after: close it instead of serving it.
            try? await child.executeThenClose { _, _ in }
            return
        }
        var connection: SandboxConnection?
        do {
            try await child.executeThenClose { inbound, outbound in
                let current = SandboxConnection(id: id, remoteAddress: address, channel: child.channel, outbound: outbound)
                connection = current
                try await withThrowingDiscardingTaskGroup { group in
                    for try await request in inbound where !request.isResponse {
                        group.addTask { await handler.handle(request, on: current) }
                    }
                }
            }
        } catch {
            self.logger.debug(
                "sandbox connection closed on error", metadata: ["client.addr": "\(address)", "error": "\(error)"])
        }
        self.connections.remove(id: id)
        if let connection { await handler.connectionClosed(connection) }
    }
}
