public import Logging
public import NIOCore
public import NIOPosix
public import RocketMQRemoting
import Synchronization

/// A TCP server speaking RocketMQ remoting frames (`NettyRemotingServer` without the thread pools), shared by
/// the sandbox NameServer and brokers and by the routing proxy.
///
/// Each connection is an `NIOAsyncChannel` of ``RemotingCommand``s decoded by ``RemotingFrameDecoder``; a
/// connection whose bytes cannot be decoded (garbage, oversize frame) is closed on its own while the others
/// keep being served. A ``RemotingFastPath``, when given, answers what it knows on the event loop; every
/// other request goes to a ``RemotingRequestHandler``, each in its own child task so a held (long-polling)
/// pull never blocks the connection. A connection with ``RemotingServerConfiguration/maxInFlightPerConnection``
/// requests under way gets `SYSTEM_BUSY` for the next one instead of another task.
public final class RemotingServer: Sendable {
    typealias Listener = NIOAsyncChannel<NIOAsyncChannel<RemotingCommand, RemotingCommand>, Never>

    /// The remark RocketMQ's servers send with `SYSTEM_BUSY` when they shed a request.
    public static let overloadRemark = "[OVERLOADED]system busy, start flow control for a while"

    private let listener: Listener
    /// Closed by ``close()``: a connection accepted while closing is refused before it gets an async wrapper
    /// (an accepted child that is never served would otherwise be dropped unfinished), and one accepted just
    /// before is closed as soon as its serving task starts.
    private let connections: ConnectionRegistry
    private let unserved: UnservedConnections
    private let logger: Logger
    private let configuration: RemotingServerConfiguration
    private let nextConnectionID = Atomic<Int>(1)

    /// The bound port.
    public let port: Int

    /// Binds `host:port` (0 for an ephemeral port).
    public init(
        host: String, port: Int, configuration: RemotingServerConfiguration = .init(),
        fastPath: (any RemotingFastPath)? = nil, logger: Logger,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws {
        let connections = ConnectionRegistry()
        let unserved = UnservedConnections()
        self.connections = connections
        self.unserved = unserved
        self.configuration = configuration
        self.listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                guard connections.isOpen else {
                    return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(
                        ByteToMessageHandler(RemotingFrameDecoder(maxFrameLength: configuration.maxFrameLength)))
                    try pipeline.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    if let fastPath { try pipeline.addHandler(RemotingFastPathHandler(fastPath)) }
                    let wrapper = try NIOAsyncChannel<RemotingCommand, RemotingCommand>(wrappingChannelSynchronously: channel)
                    unserved.add(wrapper)
                    return wrapper
                }
            }
        self.port = self.listener.channel.localAddress?.port ?? port
        self.logger = logger
    }

    /// Convenience for callers that only set the frame cap.
    public convenience init(
        host: String, port: Int, maxFrameLength: Int, logger: Logger,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws {
        try await self.init(
            host: host, port: port, configuration: .init(maxFrameLength: maxFrameLength), logger: logger, group: group)
    }

    /// `"ip:port"` of a socket address (`"0.0.0.0:0"` when unknown).
    static func describe(_ address: SocketAddress?) -> String {
        "\(address?.ipAddress ?? "0.0.0.0"):\(address?.port ?? 0)"
    }

    /// Accepts connections and routes their requests to `handler` until ``close()``.
    public func serve(_ handler: any RemotingRequestHandler) async {
        do {
            try await self.listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await child in inbound {
                        group.addTask { await self.serveConnection(child, handler) }
                    }
                }
            }
        } catch {
            self.logger.debug("remoting listener ended", metadata: ["error": "\(error)"])
        }
        await self.unserved.finishAll()
    }

    /// Closes the listener and every open connection; ``serve(_:)`` then returns.
    public func close() async {
        let open = self.connections.close()
        try? await self.listener.channel.close()
        for channel in open { try? await channel.close() }
        await self.unserved.finishAll()
    }

    private func serveConnection(
        _ child: NIOAsyncChannel<RemotingCommand, RemotingCommand>, _ handler: any RemotingRequestHandler
    ) async {
        // Already closed by close() (accepted while it ran): nothing left to serve.
        guard self.unserved.take(child.channel) else { return }
        let id = self.nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
        let address = Self.describe(child.channel.remoteAddress)
        guard self.connections.register(child.channel, id: id) else {
            // Accepted just before close() and reached here just after: close it instead of serving it.
            try? await child.executeThenClose { _, _ in }
            return
        }
        let limit = self.configuration.maxInFlightPerConnection
        var connection: RemotingConnection?
        do {
            try await child.executeThenClose { inbound, outbound in
                let current = RemotingConnection(id: id, remoteAddress: address, channel: child.channel, outbound: outbound)
                connection = current
                let inFlight = InFlightCounter()
                try await withThrowingDiscardingTaskGroup { group in
                    for try await request in inbound where !request.isResponse {
                        guard inFlight.value.add(1, ordering: .relaxed).newValue <= limit else {
                            inFlight.value.subtract(1, ordering: .relaxed)
                            if !request.isOneway {
                                await current.send(
                                    .response(to: request, code: .systemBusy, remark: Self.overloadRemark))
                            }
                            continue
                        }
                        group.addTask {
                            await handler.handle(request, on: current)
                            inFlight.value.subtract(1, ordering: .relaxed)
                        }
                    }
                }
            }
        } catch {
            self.logger.debug(
                "remoting connection closed on error", metadata: ["client.addr": "\(address)", "error": "\(error)"])
        }
        self.connections.remove(id: id)
        if let connection { await handler.connectionClosed(connection) }
    }
}

/// The number of requests of one connection under way (shared by the reading loop and the request tasks).
private final class InFlightCounter: Sendable {
    let value = Atomic<Int>(0)
}
