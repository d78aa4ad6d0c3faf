internal import Foundation
internal import NIOCore
public import RocketMQRemoting

/// One request/response exchange captured from a real RocketMQ 4.9.8 process (a file of
/// `shared/rocketmq-wire/`), with both frames decoded by the codec.
public struct CapturedExchange: Sendable {
    /// The captured request frame, decoded.
    public var request: RemotingCommand
    /// The captured response frame, decoded; nil for oneway and unanswered requests.
    public var response: RemotingCommand?

    /// Loads and decodes a capture file.
    public init(contentsOf path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let request = root["request"] as? [String: Any], let requestHex = request["frame_hex"] as? String
        else {
            throw RemotingError(.malformedJSON, "\(path) is not a capture file")
        }
        self.request = try Self.decodeFrame(hex: requestHex)
        if let response = root["response"] as? [String: Any], let responseHex = response["frame_hex"] as? String {
            self.response = try Self.decodeFrame(hex: responseHex)
        } else {
            self.response = nil
        }
    }

    /// Decodes one whole frame (length prefix included) given as hex.
    public static func decodeFrame(hex: String) throws -> RemotingCommand {
        var buffer = ByteBuffer(bytes: Self.bytes(hex: hex))
        var decoder = RemotingFrameDecoder()
        guard let command = try decoder.decode(buffer: &buffer), buffer.readableBytes == 0 else {
            throw RemotingError(.truncatedFrame, "the captured frame is incomplete")
        }
        return command
    }

    private static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for character in hex.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: continue
            }
            if let value = high {
                bytes.append(value << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }
}
