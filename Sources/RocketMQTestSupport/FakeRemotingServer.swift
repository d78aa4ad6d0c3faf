public import NIOCore
public import NIOPosix
public import RocketMQRemoting
internal import Synchronization

/// A RocketMQ peer for client tests, built from the frame codec: it listens on loopback (port 0) and
/// hands every request it decodes to a responder, which answers (now or later, in any order) through
/// the ``FakeRemotingConnection`` it is given.
public final class FakeRemotingServer: Sendable {
    /// Called on the connection's event loop for every request frame received.
    public typealias Responder = @Sendable (_ request: RemotingCommand, _ connection: FakeRemotingConnection) -> Void

    private let channel: any Channel
    private let box: ServerBox

    /// `127.0.0.1:<port>`, the address clients dial.
    public let address: String

    private init(channel: any Channel, box: ServerBox) {
        self.channel = channel
        self.box = box
        self.address = "127.0.0.1:\(channel.localAddress?.port ?? 0)"
    }

    /// Starts a server on 127.0.0.1 with an ephemeral port.
    public static func start(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        responder: @escaping Responder
    ) async throws -> FakeRemotingServer {
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let connection = FakeRemotingConnection(channel: channel)
                guard box.accepted(connection) else {
                    return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(RemotingFrameDecoder()),
                        MessageToByteHandler(RemotingFrameEncoder()),
                        FakeRemotingServerHandler(connection: connection) { request in
                            box.received(request)
                            responder(request, connection)
                        }
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FakeRemotingServer(channel: channel, box: box)
    }

    /// Every request received so far, in arrival order.
    public var receivedRequests: [RemotingCommand] { self.box.requests.withLock { $0 } }

    /// The number of connections accepted so far.
    public var acceptedConnectionCount: Int { self.box.connections.withLock { $0.count } }

    /// Closes every accepted connection (the listener stays open, so clients can reconnect).
    public func closeAllConnections() async {
        for connection in self.box.connections.withLock({ $0 }) {
            await connection.close()
        }
    }

    /// Closes the listener and the connections; a connection accepted while shutting down is refused.
    public func shutdown() async {
        self.box.close()
        try? await self.channel.close()
        await self.closeAllConnections()
    }
}

/// Shared state the child-channel initializer fills in before the server object exists.
private final class ServerBox: Sendable {
    let connections = Mutex<[FakeRemotingConnection]>([])
    let requests = Mutex<[RemotingCommand]>([])
    private let isOpen = Mutex(true)

    /// Records `connection`; false once the server is shutting down (the connection must be refused).
    func accepted(_ connection: FakeRemotingConnection) -> Bool {
        self.isOpen.withLock { isOpen in
            guard isOpen else { return false }
            self.connections.withLock { $0.append(connection) }
            return true
        }
    }

    /// Refuses every later connection.
    func close() {
        self.isOpen.withLock { $0 = false }
    }

    func received(_ request: RemotingCommand) {
        self.requests.withLock { $0.append(request) }
    }
}

extension FakeRemotingServer {
    /// Starts a server that answers each request with the captured response of the same request code
    /// (its opaque replaced), and ignores codes it has no capture for.
    public static func replaying(_ exchanges: [CapturedExchange]) async throws -> FakeRemotingServer {
        var responses: [Int: RemotingCommand] = [:]
        for exchange in exchanges {
            if let response = exchange.response { responses[exchange.request.code] = response }
        }
        return try await FakeRemotingServer.start { [responses] request, connection in
            guard var response = responses[request.code] else { return }
            response.opaque = request.opaque
            connection.send(response)
        }
    }
}
