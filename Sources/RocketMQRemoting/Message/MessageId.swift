/// A broker-side message id (`offsetMsgId`, `MessageDecoder.createMessageId`): the store host and the commit-log
/// offset, written as upper-case hex: 32 characters for an IPv4 store host, 56 for IPv6.
public struct MessageId: Sendable, Hashable, CustomStringConvertible {
    /// The broker that stored the message.
    public var storeHost: MessageHost
    /// The message's physical offset in the commit log.
    public var commitLogOffset: Int64

    /// Creates an id from its parts.
    public init(storeHost: MessageHost, commitLogOffset: Int64) {
        self.storeHost = storeHost
        self.commitLogOffset = commitLogOffset
    }

    /// Parses the hex form; `nil` when it is not 32 or 56 hex digits.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 32 || utf8.count == 56, utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        let addressLength = bytes.count - 12
        let port = bytes[addressLength..<addressLength + 4].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        let offset = bytes[(addressLength + 4)...].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        self.init(storeHost: MessageHost(address: Array(bytes[..<addressLength]), port: port), commitLogOffset: offset)
    }

    /// The upper-case hex form.
    public var description: String {
        var bytes = self.storeHost.address
        withUnsafeBytes(of: self.storeHost.port.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: self.commitLogOffset.bigEndian) { bytes.append(contentsOf: $0) }
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.unicodeScalars.append(digits[Int(byte >> 4)])
            text.unicodeScalars.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
