import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import ControlProtocol

/// ``ControlLineDecoder`` frames lines at LF under a hard limit and never buffers an oversize line.
@Suite struct ControlLineDecoderTests {
    @Test func framesLinesInEveryChunking() throws {
        let pairs: [(String, [ControlFrame])] = [
            ("PING p1\n", [.line(ByteBuffer(string: "PING p1"))]),
            ("OK a\nOK b\r\n", [.line(ByteBuffer(string: "OK a")), .line(ByteBuffer(string: "OK b\r"))]),
            ("\n", [.line(ByteBuffer())]),
            (String(repeating: "x", count: 64) + "\n", [.line(ByteBuffer(string: String(repeating: "x", count: 64)))]),
        ]
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: pairs, decoderFactory: { ControlLineDecoder(limit: ControlLineLimit(bytes: 64)) })
    }

    @Test func aLineOverTheLimitIsReportedOnceAndDropped() throws {
        var decoder = ControlLineDecoder(limit: ControlLineLimit(bytes: 8))
        var buffer = ByteBuffer(string: "PING 123456789\nPING p2\n")
        #expect(try decoder.decode(buffer: &buffer) == .tooLong(limit: 8))
        #expect(buffer.readableBytes == 0)
        buffer.writeString("PING p3\n")
        #expect(try decoder.decode(buffer: &buffer) == nil)
        #expect(buffer.readableBytes == 0)
    }

    @Test func aLineOfExactlyTheLimitPassesAndACRCounts() throws {
        var decoder = ControlLineDecoder(limit: ControlLineLimit(bytes: 8))
        var buffer = ByteBuffer(string: "PING p12\r")
        #expect(try decoder.decode(buffer: &buffer) == .tooLong(limit: 8))
        var exact = ByteBuffer(string: "PING p12\n")
        var fresh = ControlLineDecoder(limit: ControlLineLimit(bytes: 8))
        #expect(try fresh.decode(buffer: &exact) == .line(ByteBuffer(string: "PING p12")))
    }

    /// 64 MiB of a line that never ends, in 64 KiB chunks, the way ByteToMessageHandler feeds the decoder: the
    /// bytes held never exceed the limit, and the oversize line is reported exactly once.
    @Test func aNeverEndingLineKeepsMemoryBounded() throws {
        let limit = 4096
        var decoder = ControlLineDecoder(limit: ControlLineLimit(bytes: limit))
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 << 10)
        var buffer = ByteBuffer()
        var reports = 0
        var largestHeld = 0
        for _ in 0..<((64 << 20) / chunk.readableBytes) {
            buffer.writeImmutableBuffer(chunk)
            while let frame = try decoder.decode(buffer: &buffer) {
                #expect(frame == .tooLong(limit: limit))
                reports += 1
            }
            buffer.discardReadBytes()
            largestHeld = max(largestHeld, buffer.readableBytes)
        }
        #expect(reports == 1)
        #expect(largestHeld <= limit)
    }

    /// The same through a channel: one `ERR 413` line comes back and the channel closes.
    @Test func aNeverEndingLineGetsOne413AndACloseOnAChannel() throws {
        let channel = EmbeddedChannel()
        _ = try ControlPipeline.configure(
            channel,
            side: .server(
                ServerHandshakeStateMachine(
                    serverNonce: ControlAuth.makeNonce(), secret: try testSecret(), heartbeatSeconds: 10),
                serverName: "test"),
            tls: nil, serverHostname: nil, isServer: true, limits: ControlLimits(), logger: quietLogger)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        _ = try channel.readOutbound(as: ByteBuffer.self)  // HELLO
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1024)
        for _ in 0..<64 where channel.isActive {
            try channel.writeInbound(chunk)
        }
        let reply = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: reply).hasPrefix(#"ERR - {"code":413,"#))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        #expect(!channel.isActive)
    }
}
