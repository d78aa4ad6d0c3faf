import NIOCore

@testable import RocketMQRemoting

extension FixtureFrame {
    /// The request code of the exchange, from the file name (`0105_GET_ROUTEINFO…` → 105).
    var requestCode: Int { Int(self.file.split(separator: "/").last!.prefix(4))! }

    /// True for the captures of the 4.4.0 cluster.
    var isV440: Bool { self.file.hasPrefix("v4.4.0/") }

    /// The body as a buffer.
    var bodyBuffer: ByteBuffer { ByteBuffer(bytes: self.body) }

    /// The frame of `side` in the fixture file `file` (path under `Fixtures/`).
    static func named(_ file: String, _ side: String = "response") -> FixtureFrame {
        guard let frame = all.first(where: { $0.file == file && $0.side == side }) else {
            fatalError("no fixture \(file) \(side)")
        }
        return frame
    }

    /// The request frame of the same exchange.
    var request: FixtureFrame { Self.named(self.file, "request") }
}

/// Decodes a body as `T` and re-encodes it in `dialect`; the bytes for comparison.
func reencode<T: RemotingJSONBody>(_ type: T.Type, _ fixture: FixtureFrame, dialect: RemotingJSONDialect = .fastjson)
    throws -> [UInt8]
{
    let value = try T(parsing: fixture.bodyBuffer)
    return Array(value.byteBuffer(dialect: dialect).readableBytesView)
}
