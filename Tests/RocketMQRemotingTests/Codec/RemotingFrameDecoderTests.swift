import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import RocketMQRemoting

@Suite("RemotingFrameDecoder: partial, bad and hostile input")
struct RemotingFrameDecoderTests {
    private static let sentinel: [UInt8] = Array(repeating: 0xEE, count: 16)

    @Test("every truncation of every captured frame waits for more and leaves the buffer untouched")
    func truncations() throws {
        var decoder = RemotingFrameDecoder()
        for fixture in FixtureFrame.all {
            for length in 0..<fixture.frame.count {
                var buffer = ByteBuffer(bytes: fixture.frame[..<length])
                #expect(try decoder.decode(buffer: &buffer) == nil, "\(fixture) cut at \(length)")
                #expect(buffer.readerIndex == 0 && buffer.readableBytes == length)
            }
        }
    }

    @Test("a frame followed by other bytes: the decoder stops at the frame's end and the body excludes them")
    func noOverRead() throws {
        var decoder = RemotingFrameDecoder()
        for fixture in FixtureFrame.all {
            var buffer = ByteBuffer(bytes: fixture.frame + Self.sentinel)
            let command = try #require(try decoder.decode(buffer: &buffer))
            #expect(buffer.readerIndex == fixture.frame.count)
            #expect(Array(buffer.readableBytesView) == Self.sentinel)
            #expect(command.body.map { Array($0.readableBytesView) } ?? [] == fixture.body)
        }
    }

    @Test("mutated frames and random bytes never crash, never over-read, and only throw RemotingError", arguments: 0..<4)
    func hostileInput(seed: UInt64) {
        var random = SeededRandom(seed: 7_000 + seed)
        var decoder = RemotingFrameDecoder(maxFrameLength: 1 << 16)
        for round in 0..<FuzzBudget.inputs(3_000) {
            var frame: [UInt8]
            if round % 2 == 0 {
                frame = FixtureFrame.all.randomElement(using: &random)!.frame
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    // Keep the length prefix (so the decoder reaches the header) but break anything after it.
                    let index = Int.random(in: 4..<frame.count, using: &random)
                    frame[index] = UInt8.random(in: 0...255, using: &random)
                }
            } else {
                frame = random.bytes(Int.random(in: 0...64, using: &random))
                if frame.count >= 8, Bool.random(using: &random) {
                    let length = UInt32(frame.count - 4)
                    frame.replaceSubrange(0..<4, with: withUnsafeBytes(of: length.bigEndian, Array.init))
                }
            }
            var buffer = ByteBuffer(bytes: frame + Self.sentinel)
            do {
                if try decoder.decode(buffer: &buffer) != nil {
                    #expect(buffer.readerIndex <= frame.count)
                }
            } catch let error as RemotingError {
                #expect(error.bytesHex != nil)
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
    }

    @Test("a frame above the maximum is a typed error as soon as its length is read")
    func oversizeFrame() throws {
        var decoder = RemotingFrameDecoder()
        var buffer = ByteBuffer(bytes: [0x01, 0x00, 0x00, 0x00])  // 16 MiB after the prefix: 16 MiB + 4 in all
        #expect { try decoder.decode(buffer: &buffer) } throws: { ($0 as? RemotingError)?.code == .frameTooLarge }
        var small = RemotingFrameDecoder(maxFrameLength: 100)
        var fits = ByteBuffer(bytes: [0, 0, 0, 96] + [0, 0, 0, 0])
        #expect(try small.decode(buffer: &fits) == nil)  // 100 bytes: allowed, waiting for the rest
        var over = ByteBuffer(bytes: [0, 0, 0, 97])
        #expect { try small.decode(buffer: &over) } throws: { ($0 as? RemotingError)?.code == .frameTooLarge }
    }

    @Test("a header length beyond the frame is a typed error holding the frame's bytes")
    func headerLongerThanFrame() {
        var decoder = RemotingFrameDecoder()
        var buffer = ByteBuffer(bytes: [0, 0, 0, 6, 0, 0, 0, 3, 0x7B, 0x7D])
        #expect {
            try decoder.decode(buffer: &buffer)
        } throws: { error in
            let error = error as? RemotingError
            return error?.code == .headerLengthExceedsFrame && error?.bytesHex == "0000000600000003" + "7b7d"
        }
    }

    @Test("unknown serialize type, short length and a malformed header are typed errors")
    func otherErrors() {
        var decoder = RemotingFrameDecoder()
        let cases: [([UInt8], RemotingError.Code)] = [
            ([0, 0, 0, 6, 2, 0, 0, 2, 0x7B, 0x7D], .unknownSerializeType),
            ([0, 0, 0, 3, 0, 0, 0], .invalidFrameLength),
            ([0xFF, 0xFF, 0xFF, 0xFF], .invalidFrameLength),
            ([0, 0, 0, 6, 0, 0, 0, 2, 0x7B, 0x7B], .malformedHeader),
            ([0, 0, 0, 6, 0, 0, 0, 2, 0x7B, 0x7D], .malformedHeader),  // {} has no code
            ([0, 0, 0, 7, 1, 0, 0, 3, 0, 0, 0], .malformedHeader),  // binary header shorter than 13 bytes
        ]
        for (bytes, code) in cases {
            var buffer = ByteBuffer(bytes: bytes)
            #expect(throws: RemotingError.self) { try decoder.decode(buffer: &buffer) }
            var again = ByteBuffer(bytes: bytes)
            #expect { try decoder.decode(buffer: &again) } throws: { ($0 as? RemotingError)?.code == code }
        }
    }

    @Test("ByteToMessageDecoderVerifier: any chunking of the captured frames gives the same commands")
    func verifier() throws {
        let pairs = try FixtureFrame.all.prefix(120).map { fixture in
            (ByteBuffer(bytes: fixture.frame), [try RemotingCommand.decodeFrame(ByteBuffer(bytes: fixture.frame))])
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { RemotingFrameDecoder() }
    }

    @Test("EmbeddedChannel fed byte by byte decodes every frame of a stream, then finishes clean")
    func embeddedByteByByte() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(RemotingFrameDecoder()))
        let fixtures = Array(FixtureFrame.all.prefix(40))
        for fixture in fixtures {
            for byte in fixture.frame {
                try channel.writeInbound(ByteBuffer(bytes: [byte]))
            }
        }
        for fixture in fixtures {
            let command = try #require(try channel.readInbound(as: RemotingCommand.self))
            #expect(command == (try RemotingCommand.decodeFrame(ByteBuffer(bytes: fixture.frame))))
        }
        #expect(try channel.readInbound(as: RemotingCommand.self) == nil)
        #expect(try channel.finish().isClean)
    }

    @Test("EmbeddedChannel with the encoder writes each command as its captured frame")
    func embeddedEncoder() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(RemotingFrameEncoder()))
        let fixture = try #require(FixtureFrame.all.first { $0.file.hasPrefix("0105_") && $0.side == "response" })
        try channel.writeOutbound(try RemotingCommand.decodeFrame(fixture.frameBuffer))
        let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(Array(written.readableBytesView) == fixture.frame)
        #expect(try channel.finish().isClean)
    }
}
