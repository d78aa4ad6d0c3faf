import NIOCore
import Testing

@testable import RocketMQRemoting

@Suite("Ext fields: constant-time lookup and a cap on how many a peer may send")
struct ExtFieldLimitTests {
    private static func command(fieldCount: Int, serializeType: RemotingSerializeType) -> RemotingCommand {
        var command = RemotingCommand(code: 11, serializeType: serializeType)
        command.extFields = RemotingExtFields((0..<fieldCount).map { ("k\($0)", "v\($0)") })
        return command
    }

    @Test("a header with exactly the cap of ext fields decodes in both serializations", arguments: [RemotingSerializeType.json, .rocketmq])
    func atTheCap(serializeType: RemotingSerializeType) throws {
        let command = Self.command(fieldCount: RemotingExtFields.maxDecodedCount, serializeType: serializeType)
        let decoded = try RemotingCommand.decodeFrame(try command.encodedFrame())
        #expect(decoded.extFields?.count == RemotingExtFields.maxDecodedCount)
        #expect(decoded.ext("k255") == "v255")
    }

    @Test("one field over the cap is a malformedHeader error in both serializations", arguments: [RemotingSerializeType.json, .rocketmq])
    func overTheCap(serializeType: RemotingSerializeType) throws {
        let command = Self.command(fieldCount: RemotingExtFields.maxDecodedCount + 1, serializeType: serializeType)
        let frame = try command.encodedFrame()
        #expect {
            try RemotingCommand.decodeFrame(frame)
        } throws: { error in
            (error as? RemotingError)?.code == .malformedHeader
                && (error as? RemotingError)?.reason.contains("\(RemotingExtFields.maxDecodedCount)") == true
        }
    }

    @Test("40,000 ext fields (the reported hostile frame) are refused, not stored", arguments: [RemotingSerializeType.json, .rocketmq])
    func hostileFrame(serializeType: RemotingSerializeType) throws {
        let frame = try Self.command(fieldCount: 40_000, serializeType: serializeType).encodedFrame()
        #expect(throws: RemotingError.self) { try RemotingCommand.decodeFrame(frame) }
    }

    @Test("the key index follows sets, replacements and removals in the middle")
    func indexFollowsEdits() {
        var fields = RemotingExtFields((0..<10).map { ("k\($0)", "v\($0)") })
        fields["k3"] = nil
        fields["k0"] = nil
        fields["k5"] = "five"
        fields["k10"] = "v10"
        fields["k3"] = "back"
        #expect(fields.map(\.key) == ["k1", "k2", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k3"])
        for entry in fields { #expect(fields[entry.key] == entry.value) }
        #expect(fields["k5"] == "five" && fields["k0"] == nil && fields.count == 10)
        #expect(fields == RemotingExtFields(fields.dictionary))
    }
}
