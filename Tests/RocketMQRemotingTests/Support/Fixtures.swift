import Foundation
import NIOCore

/// One captured frame (request or response side) of a file in `Fixtures/` (copied from `shared/rocketmq-wire`).
struct FixtureFrame: Sendable, CustomStringConvertible {
    var file: String
    var side: String
    var frame: [UInt8]
    var serializeType: String
    var headerText: String?
    var body: [UInt8]
    var bodyText: String?
    var code: Int
    var flag: Int
    var opaque: Int
    var language: String?
    var version: Int
    var remark: String?
    var extFields: [String: String]?
    /// True when the capture tool built this request by hand (its file has a `note` saying so).
    var handBuilt: Bool

    var description: String { "\(self.file) \(self.side)" }

    var frameBuffer: ByteBuffer { ByteBuffer(bytes: self.frame) }

    /// Every request and response frame of every fixture file, sorted by file name.
    static let all: [FixtureFrame] = {
        let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" && $0.lastPathComponent != "INDEX.json" }
            .filter { !$0.path.contains("/exports/") }
            .sorted { $0.path < $1.path }
        var frames: [FixtureFrame] = []
        for url in files {
            let data = try! Data(contentsOf: url)
            let object = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
            let name = url.path.replacingOccurrences(of: root.path + "/", with: "")
            for side in ["request", "response"] {
                guard let part = object[side] as? [String: Any], let hex = part["frame_hex"] as? String else {
                    continue
                }
                let header = part["header"] as! [String: Any]
                frames.append(
                    FixtureFrame(
                        file: name,
                        side: side,
                        frame: hexBytes(hex),
                        serializeType: part["serializeType"] as? String ?? (hexBytes(hex)[4] == 0 ? "JSON" : "ROCKETMQ"),
                        headerText: part["header_text"] as? String,
                        body: (part["body_hex"] as? String).map(hexBytes) ?? Array((part["body_text"] as? String ?? "").utf8),
                        bodyText: part["body_text"] as? String,
                        code: header["code"] as! Int,
                        flag: header["flag"] as! Int,
                        opaque: header["opaque"] as! Int,
                        language: header["language"] as? String,
                        version: header["version"] as! Int,
                        remark: header["remark"] as? String,
                        extFields: header["extFields"] as? [String: String],
                        handBuilt: side == "request" && (object["note"] as? String ?? "").contains("hand-built")
                    )
                )
            }
        }
        return frames
    }()

    /// The frames whose body is text that starts like JSON.
    static var jsonBodies: [FixtureFrame] {
        Self.all.filter { frame in
            guard let text = frame.bodyText else { return false }
            return text.hasPrefix("{") || text.hasPrefix("[")
        }
    }
}

func hexBytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(hex.utf8.count / 2)
    var iterator = hex.utf8.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
        bytes.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!)
    }
    return bytes
}
