import Foundation
import NIOCore
import RocketMQRemoting
import Testing

/// One captured exchange from `Fixtures/` (copied from shared/rocketmq-wire).
struct Fixture {
    let name: String
    let request: RemotingCommand
    let response: RemotingCommand?

    init(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        self.name = name
        self.request = try Self.decode((json["request"] as! [String: Any])["frame_hex"] as! String)
        self.response = try (json["response"] as? [String: Any]).map { try Self.decode($0["frame_hex"] as! String) }
    }

    private static func decode(_ hex: String) throws -> RemotingCommand {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        var buffer = ByteBuffer(bytes: bytes)
        var decoder = RemotingFrameDecoder()
        return try #require(try decoder.decode(buffer: &buffer))
    }
}
