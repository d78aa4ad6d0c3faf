public import Logging
public import NIOCore
public import NIOPosix
public import RocketMQRemoting
internal import Synchronization

/// An async RocketMQ remoting client: one TCP connection per address, dialed on first use and reused,
/// requests correlated by opaque (responses may arrive in any order), a timeout per request, and a new
/// dial after a connection fails. When a connection drops, every request pending on it fails at once.
///
/// ``invoke(_:address:timeout:)`` returns the response whatever its code; ``RocketMQAdmin`` and the
/// producer/consumer map non-SUCCESS codes to ``RocketMQClientError/Code/responseError``.
public final class RemotingClient: Sendable {
    private struct State {
        var connections: [String: EventLoopFuture<any Channel>] = [:]
        var isShutdown = false
    }

    /// The client's settings.
    public let configuration: RemotingClientConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let serverRequestHandler: RemotingServerRequestHandler?
    private let state = Mutex(State())

    /// Creates a client. Nothing is dialed until the first request to an address.
    /// - Parameters:
    ///   - configuration: timeouts, version, language, ACL credentials.
    ///   - eventLoopGroup: where connections live; by default NIO's shared singleton group.
    ///   - logger: receives `debug`/`info` events with `broker.addr` metadata (never secrets).
    ///   - serverRequestHandler: receives requests servers send on our connections; nil ignores them.
    public init(
        configuration: RemotingClientConfiguration = RemotingClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        serverRequestHandler: RemotingServerRequestHandler? = nil
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.serverRequestHandler = serverRequestHandler
    }

    /// Sends `request` to `address` (`host:port`) and waits for its response, whatever the response code.
    ///
    /// The client sets the request's version, language and serialize type from ``configuration``, signs it
    /// when credentials are configured, and assigns its opaque.
    ///
    /// Cancelling the calling task fails the call at once with `CancellationError`; the connection stays open
    /// for other requests and a late response to the cancelled one is dropped.
    /// - Throws: ``RocketMQClientError`` with code `timeout`, `connectFailed`, `connectionClosed` or `shutdown`;
    ///   `CancellationError` when the task is cancelled.
    public func invoke(_ request: RemotingCommand, address: String, timeout: Duration? = nil) async throws
        -> RemotingCommand
    {
        let channel = try await self.channel(for: address)
        try Task.checkCancellation()
        let command = self.prepare(request)
        let promise = channel.eventLoop.makePromise(of: RemotingCommand.self)
        let timeAmount = TimeAmount(timeout ?? self.configuration.requestTimeout)
        // A write that never reaches RemotingClientHandler (the channel closed and its handlers are gone)
        // must still fail the request; when the handler saw it, its own failure came first and this is a no-op.
        let writePromise = channel.eventLoop.makePromise(of: Void.self)
        writePromise.futureResult.whenFailure { error in
            promise.fail(
                RocketMQClientError(
                    .connectionClosed,
                    "writing the request failed",
                    requestCode: command.code,
                    address: address,
                    underlying: error
                )
            )
        }
        channel.writeAndFlush(
            RemotingClientOutbound.request(command, response: promise, timeout: timeAmount),
            promise: writePromise
        )
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(CancellationError())
        }
    }

    /// Sends `request` to `address` as a oneway request (flag bit 1): no response is expected. Returns
    /// once the frame is written.
    public func invokeOneway(_ request: RemotingCommand, address: String) async throws {
        let channel = try await self.channel(for: address)
        var command = self.prepare(request)
        command.isOneway = true
        do {
            try await channel.writeAndFlush(RemotingClientOutbound.oneway(command)).get()
        } catch {
            throw RocketMQClientError(
                .connectionClosed,
                "writing the oneway request failed",
                requestCode: command.code,
                address: address,
                underlying: error
            )
        }
    }

    /// Closes every connection; pending requests fail with `connectionClosed`, later ones with `shutdown`.
    public func shutdown() async {
        let futures = self.state.withLock { state in
            state.isShutdown = true
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for future in futures {
            if let channel = try? await future.get() {
                try? await channel.close()
            }
        }
    }

    private func prepare(_ request: RemotingCommand) -> RemotingCommand {
        var command = request
        command.version = self.configuration.version
        command.language = self.configuration.language
        command.serializeType = self.configuration.serializeType
        if let credentials = self.configuration.credentials {
            var fields = command.extFields?.dictionary ?? [:]
            AclSigner(credentials: credentials).sign(extFields: &fields, body: command.body.map { Array($0.readableBytesView) } ?? [])
            var ext = command.extFields ?? RemotingExtFields()
            for key in [AclSigner.accessKeyField, AclSigner.securityTokenField, AclSigner.signatureField] {
                ext[key] = fields[key]
            }
            command.extFields = ext
        }
        return command
    }

    private func channel(for address: String) async throws -> any Channel {
        let future: EventLoopFuture<any Channel> = try self.state.withLock { state in
            if state.isShutdown {
                throw RocketMQClientError(.shutdown, "the client is shut down", address: address)
            }
            if let existing = state.connections[address] { return existing }
            let future = self.connect(to: address)
            state.connections[address] = future
            return future
        }
        do {
            return try await future.get()
        } catch let error as RocketMQClientError {
            self.forget(address: address, future: future)
            throw error
        } catch {
            self.forget(address: address, future: future)
            throw RocketMQClientError(.connectFailed, "cannot connect", address: address, underlying: error)
        }
    }

    private func forget(address: String, future: EventLoopFuture<any Channel>) {
        self.state.withLock { state in
            if state.connections[address] == future { state.connections[address] = nil }
        }
    }

    private func connect(to address: String) -> EventLoopFuture<any Channel> {
        let eventLoop = self.eventLoopGroup.next()
        guard let (host, port) = Self.split(address: address) else {
            return eventLoop.makeFailedFuture(
                RocketMQClientError(.invalidArgument, "address is not host:port", address: address)
            )
        }
        let logger = self.logger
        let handler = self.serverRequestHandler
        let maxFrameLength = self.configuration.maxFrameLength
        logger.debug("remoting.connection.dial", metadata: ["broker.addr": "\(address)"])
        let future = ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(self.configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(RemotingFrameDecoder(maxFrameLength: maxFrameLength)),
                        MessageToByteHandler(RemotingFrameEncoder()),
                        RemotingClientHandler(address: address, logger: logger, serverRequestHandler: handler)
                    )
                }
            }
            .connect(host: host, port: port)
        future.whenSuccess { channel in
            channel.closeFuture.whenComplete { _ in
                logger.debug("remoting.connection.closed", metadata: ["broker.addr": "\(address)"])
                self.forget(address: address, future: future)
            }
        }
        return future
    }

    /// Splits `host:port` at its last colon.
    static func split(address: String) -> (String, Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        let host = String(address[..<colon])
        return host.isEmpty ? nil : (host, port)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
