import NIOCore
import NIOPosix
import RocketMQRemoting

/// A raw remoting connection for tests: writes commands and reads frames back, skipping pushes.
final class TestConnection {
    private var iterator: NIOAsyncChannelInboundStream<RemotingCommand>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<RemotingCommand>
    private var nextOpaque: Int32 = 1000
    /// Broker-initiated requests received while waiting for responses.
    private(set) var pushes: [RemotingCommand] = []

    private init(
        iterator: NIOAsyncChannelInboundStream<RemotingCommand>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<RemotingCommand>
    ) {
        self.iterator = iterator
        self.outbound = outbound
    }

    /// Runs `body` with a connection to `address` (`"127.0.0.1:port"`), closed afterwards.
    static func with<T>(_ address: String, _ body: (TestConnection) async throws -> T) async throws -> T {
        let channel = try await connect(address)
        return try await channel.executeThenClose { inbound, outbound in
            try await body(TestConnection(iterator: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    static func connect(_ address: String) async throws -> NIOAsyncChannel<RemotingCommand, RemotingCommand> {
        let parts = address.split(separator: ":")
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: String(parts[0]), port: Int(parts[1])!) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    return try NIOAsyncChannel<RemotingCommand, RemotingCommand>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Sends `request` (with a fresh opaque unless `keepOpaque`) and returns its response.
    func send(_ request: RemotingCommand, keepOpaque: Bool = false) async throws -> RemotingCommand {
        var request = request
        if !keepOpaque {
            self.nextOpaque += 1
            request.opaque = self.nextOpaque
        }
        try await self.outbound.write(request)
        while let command = try await self.iterator.next() {
            if command.isResponse, command.opaque == request.opaque { return command }
            if !command.isResponse { self.pushes.append(command) }
        }
        throw CancellationError()
    }

    /// Sends without waiting (oneway requests, or requests the peer never answers).
    func write(_ request: RemotingCommand) async throws {
        try await self.outbound.write(request)
    }

    /// Reads the next response (to requests sent with ``write(_:)``), keeping pushes for ``nextPush()``.
    func nextResponse() async throws -> RemotingCommand? {
        while let command = try await self.iterator.next() {
            if command.isResponse { return command }
            self.pushes.append(command)
        }
        return nil
    }

    /// Reads the next broker-initiated request.
    func nextPush() async throws -> RemotingCommand? {
        if !self.pushes.isEmpty { return self.pushes.removeFirst() }
        while let command = try await self.iterator.next() {
            if !command.isResponse { return command }
        }
        return nil
    }

    /// Writes raw bytes (garbage) on a fresh connection and reports whether the server closed it.
    static func sendGarbage(_ bytes: [UInt8], to address: String) async throws -> Bool {
        let parts = address.split(separator: ":")
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: String(parts[0]), port: Int(parts[1])!) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    return try NIOAsyncChannel<RemotingCommand, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var iterator = inbound.makeAsyncIterator()
            do { return try await iterator.next() == nil } catch { return true }
        }
    }
}
