import NIOCore
import NIOPosix
import Testing

@testable import ControlProtocol

/// A plain TCP peer that writes and reads raw lines, the way a person with `nc` would.
struct RawLineConnection {
    private var iterator: NIOAsyncChannelInboundStream<ControlFrame>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Connects to `127.0.0.1:port` and runs `body`; the connection closes when it returns.
    static func with<T: Sendable>(
        port: Int, _ body: (inout RawLineConnection) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(ControlLineDecoder(limit: ControlLineLimit(bytes: 1 << 20))))
                    return try NIOAsyncChannel<ControlFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = RawLineConnection(iterator: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    /// The next line, or nil when the server closed the connection.
    mutating func next() async throws -> ControlLine? {
        switch try await self.iterator.next() {
        case .line(let bytes): return try ControlLine(parsing: bytes.readableBytesView)
        case .tooLong, nil: return nil
        }
    }

    /// Writes `text` and an LF.
    func send(_ text: String) async throws {
        try await self.outbound.write(ByteBuffer(string: text + "\n"))
    }

    /// Reads `HELLO` and authenticates by hand as `id`; returns the `AUTH` line sent.
    mutating func authenticate(id: String, secret: ControlSecret) async throws -> String {
        let hello = try #require(try await self.next()).decode(Hello.self)
        let nonce = ControlAuth.makeNonce()
        let mac = ControlAuth.clientMAC(
            secret: secret, serverNonce: hello.nonce, clientNonce: nonce, role: .agent, id: id)
        let auth = try ControlLine(
            .auth, id: "a1", AuthRequest(protocol: 1, role: .agent, id: id, nonce: nonce, mac: mac))
        try await self.send(auth.serialised)
        return auth.serialised
    }
}
