import NIOCore
import NIOPosix
import RocketMQRemoting

/// A raw remoting connection for the robustness tests: pipelined writes and frames read back in order.
/// (The sandbox tests' `TestConnection` lives in their own target; this is the subset the proxy tests need.)
final class RawConnection {
    private var iterator: NIOAsyncChannelInboundStream<RemotingCommand>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<RemotingCommand>

    private init(
        iterator: NIOAsyncChannelInboundStream<RemotingCommand>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<RemotingCommand>
    ) {
        self.iterator = iterator
        self.outbound = outbound
    }

    /// Runs `body` with a connection to `127.0.0.1:port`, closed afterwards.
    static func with<T>(port: Int, _ body: (RawConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    return try NIOAsyncChannel<RemotingCommand, RemotingCommand>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawConnection(iterator: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    /// Writes requests without waiting for answers.
    func write(_ requests: [RemotingCommand]) async throws {
        try await self.outbound.write(contentsOf: requests)
    }

    /// The next frame, or nil once the peer closed.
    func next() async throws -> RemotingCommand? {
        try await self.iterator.next()
    }

    /// Writes raw bytes on a fresh connection and reports whether the server closed it.
    static func sendGarbage(_ bytes: [UInt8], port: Int) async throws -> Bool {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
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
