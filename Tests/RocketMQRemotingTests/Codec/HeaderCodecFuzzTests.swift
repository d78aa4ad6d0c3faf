import NIOCore
import Testing

@testable import RocketMQRemoting

/// Fuzzes the two header codecs on their own (the frame decoder's fuzz reaches them only through captured frames):
/// random commands are encoded, their header bytes mutated, truncated or given a forged ext-field section, and
/// decoding must either give a command or throw a ``RemotingError`` — never trap, never loop.
/// CI runs 4 × 2,500 inputs per codec; `FERRY_FUZZ_SCALE` multiplies that (``FuzzBudget``).
@Suite("Header codecs under random and hostile headers")
struct HeaderCodecFuzzTests {
    private static func mutate(_ header: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = header
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where !bytes.isEmpty:
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 1:
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 2:
            // A binary ext section of many tiny fields, or a JSON object with many members.
            let count = Int.random(in: 0...(RemotingExtFields.maxDecodedCount * 2), using: &random)
            bytes += (0..<count).flatMap { _ in [0, 1, UInt8(ascii: "k"), 0, 0, 0, 0] }
        default:
            bytes += random.bytes(Int.random(in: 1...16, using: &random))
        }
        return bytes
    }

    private static func decodeNeverTraps(_ header: [UInt8], binary: Bool) {
        let buffer = ByteBuffer(bytes: header)
        do {
            let command = binary ? try RemotingBinaryHeaderCodec.decode(buffer) : try RemotingJSONHeaderCodec.decode(buffer)
            #expect((command.extFields?.count ?? 0) <= RemotingExtFields.maxDecodedCount)
        } catch {
            #expect(!error.reason.isEmpty)
        }
    }

    @Test("binary ROCKETMQ headers", arguments: 0..<4)
    func binaryHeaders(seed: UInt64) throws {
        var random = SeededRandom(seed: 9_100 + seed)
        for _ in 0..<FuzzBudget.inputs(2_500) {
            let command = RemotingCommandPropertyTests.randomCommand(&random, binary: true)
            var header = ByteBuffer()
            try RemotingBinaryHeaderCodec.encode(command, into: &header)
            Self.decodeNeverTraps(Self.mutate(Array(header.readableBytesView), &random), binary: true)
        }
    }

    @Test("JSON headers", arguments: 0..<4)
    func jsonHeaders(seed: UInt64) {
        var random = SeededRandom(seed: 9_200 + seed)
        for _ in 0..<FuzzBudget.inputs(2_500) {
            let command = RemotingCommandPropertyTests.randomCommand(&random, binary: false)
            var header = ByteBuffer()
            RemotingJSONHeaderCodec.encode(command, into: &header)
            Self.decodeNeverTraps(Self.mutate(Array(header.readableBytesView), &random), binary: false)
        }
    }
}
