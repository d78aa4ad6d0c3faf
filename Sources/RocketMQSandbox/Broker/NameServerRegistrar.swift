import NIOCore
import NIOPosix
import RocketMQRemoting
import Synchronization

/// Sends REGISTER_BROKER to a NameServer as `BrokerOuterAPI.registerBrokerAll` does: the
/// `RegisterBrokerRequestHeader` ext fields and a `RegisterBrokerBody` whose CRC goes in `bodyCrc32`, over one
/// connection kept open between registrations (the NameServer drops the broker when it closes,
/// `BrokerHousekeepingService`). A closed connection is replaced at the next registration.
final class NameServerRegistrar: Sendable {
    /// `"127.0.0.1:9876"`.
    let nameServerAddr: String
    let timeout: Duration
    private let channel = Mutex<(any Channel)?>(nil)

    init(nameServerAddr: String, timeout: Duration = .seconds(6)) {
        self.nameServerAddr = nameServerAddr
        self.timeout = timeout
    }

    /// Registers `topics` for the broker; returns the NameServer's response.
    func register(configuration: BrokerConfiguration, topics: TopicConfigSerializeWrapper, opaque: Int32) async throws
        -> RemotingCommand
    {
        let body = RegisterBrokerBody(topicConfigSerializeWrapper: topics).json.body()
        let host = String(configuration.brokerAddr.split(separator: ":").first ?? "127.0.0.1")
        let ext: RemotingExtFields = [
            "brokerId": "0", "bodyCrc32": String(CRC32.rocketMQ(body.readableBytesView)),
            "clusterName": configuration.clusterName, "brokerAddr": configuration.brokerAddr,
            "haServerAddr": "\(host):\(configuration.listenPort + 1)", "compressed": "false",
            "brokerName": configuration.brokerName,
        ]
        return try await self.send(.request(code: .registerBroker, ext: ext, body: body, opaque: opaque))
    }

    /// Sends UNREGISTER_BROKER (on shutdown), then closes the connection.
    func unregister(configuration: BrokerConfiguration, opaque: Int32) async throws {
        let ext: RemotingExtFields = [
            "brokerName": configuration.brokerName, "brokerAddr": configuration.brokerAddr,
            "clusterName": configuration.clusterName, "brokerId": "0",
        ]
        defer { self.channel.withLock { $0 }?.close(promise: nil) }
        _ = try await self.send(.request(code: .unregisterBroker, ext: ext, opaque: opaque))
    }

    private func send(_ request: RemotingCommand) async throws -> RemotingCommand {
        let channel = try await self.connection()
        let promise = channel.eventLoop.makePromise(of: RemotingCommand.self)
        try await channel.writeAndFlush(ResponseMatcher.Pending(command: request, promise: promise, timeout: self.timeout))
        return try await promise.futureResult.get()
    }

    /// The open connection, or a new one.
    private func connection() async throws -> any Channel {
        if let channel = self.channel.withLock({ $0 }), channel.isActive { return channel }
        let parts = self.nameServerAddr.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw SandboxError(.invalidAddress, self.nameServerAddr) }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(3))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    try channel.pipeline.syncOperations.addHandler(ResponseMatcher())
                }
            }
            .connect(host: String(parts[0]), port: port).get()
        // Two registrations racing to connect keep the first connection.
        let kept = self.channel.withLock { (current: inout (any Channel)?) -> any Channel in
            if let current, current.isActive { return current }
            current = channel
            return channel
        }
        if kept !== channel { try? await channel.close() }
        return kept
    }
}

/// Matches responses to requests by opaque on the registrar's connection; a request not answered within its
/// timeout, or still pending when the connection closes, fails.
private final class ResponseMatcher: ChannelDuplexHandler {
    typealias InboundIn = RemotingCommand
    typealias OutboundIn = Pending
    typealias OutboundOut = RemotingCommand

    /// A request and the promise its response fulfils.
    struct Pending: Sendable {
        var command: RemotingCommand
        var promise: EventLoopPromise<RemotingCommand>
        var timeout: Duration
    }

    private var pending: [Int32: EventLoopPromise<RemotingCommand>] = [:]

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = self.unwrapOutboundIn(data)
        let opaque = request.command.opaque
        self.pending[opaque] = request.promise
        _ = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(request.timeout.milliseconds) * 1_000_000)) {
            self.pending.removeValue(forKey: opaque)?.fail(SandboxError(.timeout, "REGISTER_BROKER got no answer in time"))
        }
        context.write(self.wrapOutboundOut(request.command), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let command = self.unwrapInboundIn(data)
        guard command.isResponse else { return }
        self.pending.removeValue(forKey: command.opaque)?.succeed(command)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let pending = self.pending
        self.pending = [:]
        for promise in pending.values { promise.fail(SandboxError(.connectionClosed, "the NameServer closed the connection")) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
