import NIOCore

/// An authenticated connection, either side. `PING`/`PONG` and heartbeat timeouts are handled inside.
///
/// Read ``inbound`` from one task; ``send(_:)`` from any. On a server the connection closes when the
/// `handle` closure given to ``ControlServer/run(_:)`` returns; on a client, on ``close()`` (or when the
/// peer goes away, which finishes ``inbound``).
public final class ControlChannel: Sendable {
    /// Who is on the other end (on a client: the role and id this side authenticated as, and the server's address).
    public let peer: ControlPeer
    /// Every line the peer sends except heartbeats, once each; finishes when the connection closes.
    public let inbound: AsyncThrowingStream<ControlLine, any Error>
    private let outbound: NIOAsyncChannelOutboundWriter<ControlLine>
    private let channel: any Channel

    init(
        peer: ControlPeer, inbound: NIOAsyncChannelInboundStream<ControlLine>,
        outbound: NIOAsyncChannelOutboundWriter<ControlLine>, channel: any Channel
    ) {
        self.peer = peer
        let lines = InboundLines(inbound.makeAsyncIterator())
        self.inbound = AsyncThrowingStream(unfolding: { try await lines.next() })
        self.outbound = outbound
        self.channel = channel
    }

    deinit {
        self.channel.close(promise: nil)
    }

    /// Sends one line (flushed); throws when the connection is closed.
    public func send(_ line: ControlLine) async throws {
        try await self.outbound.write(line)
    }

    /// Says `BYE` and closes the connection.
    public func close() async {
        try? await self.outbound.write(ControlLine(.bye, id: ControlLine.noId))
        try? await self.channel.close()
    }

    /// Whether the connection is still open.
    public var isActive: Bool { self.channel.isActive }
}

/// The iterator of a connection's inbound lines, advanced by ``ControlChannel/inbound``'s one consumer.
private final class InboundLines: @unchecked Sendable {
    // @unchecked: `inbound` is an AsyncThrowingStream, which allows one consuming task at a time; that task is the
    // only one to touch `iterator`, so accesses never overlap (an overlap would be a second consumer, which the
    // stream forbids anyway, and Swift's exclusivity checking traps on it).
    private var iterator: NIOAsyncChannelInboundStream<ControlLine>.AsyncIterator

    init(_ iterator: NIOAsyncChannelInboundStream<ControlLine>.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async throws -> ControlLine? {
        try await self.iterator.next()
    }
}
