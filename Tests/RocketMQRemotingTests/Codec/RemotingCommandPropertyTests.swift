import NIOCore
import Testing

@testable import RocketMQRemoting

@Suite("Random RemotingCommands round-trip through both header serializations")
struct RemotingCommandPropertyTests {
    static func randomCommand(_ random: inout SeededRandom, binary: Bool) -> RemotingCommand {
        var command = RemotingCommand(
            code: binary ? Int(Int16.random(in: .min ... .max, using: &random)) : Int(Int32.random(in: .min ... .max, using: &random)),
            language: LanguageCode(code: UInt8.random(in: 0...13, using: &random)),
            version: binary ? Int(Int16.random(in: .min ... .max, using: &random)) : Int(Int32.random(in: .min ... .max, using: &random)),
            opaque: Int32.random(in: .min ... .max, using: &random),
            flag: Int32.random(in: 0...3, using: &random),
            serializeType: binary ? .rocketmq : .json
        )
        // A binary header cannot carry an empty remark or empty ext fields (they decode as nil).
        switch Int.random(in: 0..<3, using: &random) {
        case 0: command.remark = nil
        case 1: command.remark = binary ? "x" : ""
        default: command.remark = random.text(maxLength: 40) + "!"
        }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: command.extFields = nil
        case 1: command.extFields = binary ? ["k": ""] : [:]
        default:
            var fields = RemotingExtFields()
            for index in 0..<Int.random(in: 1...12, using: &random) {
                fields["k\(index)" + random.text(maxLength: 6)] = random.text(maxLength: 30)
            }
            command.extFields = fields
        }
        if Bool.random(using: &random) {
            command.body = ByteBuffer(bytes: random.bytes(Int.random(in: 1...300, using: &random)))
        }
        return command
    }

    @Test("JSON headers", arguments: 0..<8)
    func jsonRoundTrip(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<250 {
            let command = Self.randomCommand(&random, binary: false)
            let decoded = try RemotingCommand.decodeFrame(try command.encodedFrame())
            #expect(decoded == command)
            #expect(decoded.extFields.map { Array($0.entries) } == command.extFields.map { Array($0.entries) })
        }
    }

    @Test("binary ROCKETMQ headers", arguments: 0..<8)
    func binaryRoundTrip(seed: UInt64) throws {
        var random = SeededRandom(seed: seed + 100)
        for _ in 0..<250 {
            let command = Self.randomCommand(&random, binary: true)
            let decoded = try RemotingCommand.decodeFrame(try command.encodedFrame())
            #expect(decoded == command)
            #expect(decoded.extFields.map { Array($0.entries) } == command.extFields.map { Array($0.entries) })
        }
    }

    @Test("a binary header rejects a code that does not fit int16, and leaves the buffer as it was")
    func binaryCodeOutOfRange() {
        let command = RemotingCommand(code: 40_000, serializeType: .rocketmq)
        var buffer = ByteBuffer(bytes: [1, 2, 3])
        #expect(throws: RemotingError.self) { try command.encodeFrame(into: &buffer) }
        #expect(Array(buffer.readableBytesView) == [1, 2, 3])
    }

    @Test("factories set the flag bits, opaque and serialize type")
    func factories() {
        let request = RemotingCommand.request(code: .getRouteInfoByTopic, ext: ["topic": "T"], opaque: 7)
        #expect(!request.isResponse && !request.isOneway && request.flag == 0 && request.ext("topic") == "T")
        var binary = request
        binary.serializeType = .rocketmq
        let response = RemotingCommand.response(to: binary, code: .topicNotExist, remark: "none")
        #expect(response.isResponse && response.flag == 1 && response.opaque == 7 && response.serializeType == .rocketmq)
        #expect(response.responseCode == .topicNotExist && response.responseCode.name == "TOPIC_NOT_EXIST")
        let oneway = RemotingCommand.oneway(code: .updateConsumerOffset)
        #expect(oneway.isOneway && oneway.flag == 2 && oneway.requestCode.description == "UPDATE_CONSUMER_OFFSET(15)")
    }

    @Test("codes and languages keep unknown values and look names up both ways")
    func codeNames() {
        #expect(RequestCode(name: "SEND_MESSAGE_V2") == .sendMessageV2 && RequestCode.sendMessageV2.rawValue == 310)
        #expect(RequestCode(9999).name == nil && RequestCode(9999).description == "UNKNOWN(9999)")
        #expect(ResponseCode.subscriptionNotLatest.rawValue == 25 && ResponseCode.pullNotFound.rawValue == 19)
        #expect(LanguageCode(name: "GO") == .go && LanguageCode(code: 200).name == "UNKNOWN_200")
        #expect(LanguageCode(name: "COBOL").code == LanguageCode.other.code && !LanguageCode(name: "COBOL").isKnown)
    }
}
