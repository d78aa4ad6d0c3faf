internal import NIOCore
internal import Synchronization

/// Client-side unique message ids (`UNIQ_KEY`), laid out like Java's `MessageClientIDSetter`: 16 bytes as
/// 32 upper-case hex digits — IPv4 address (4), pid (2), a per-process random (4), milliseconds since
/// the generator started (4) and a counter (2).
final class MessageIdGenerator: Sendable {
    private let prefix: String
    private let start = NIODeadline.now()
    private let counter = Atomic<UInt16>(0)

    init(ip: String = ClientIdentity.localAddress, pid: Int32 = ClientIdentity.processId) {
        var bytes: [UInt8] = ip.split(separator: ".").compactMap { UInt8($0) }
        if bytes.count != 4 { bytes = [127, 0, 0, 1] }
        bytes += [UInt8(truncatingIfNeeded: pid >> 8), UInt8(truncatingIfNeeded: pid)]
        let random = UInt32.random(in: .min ... .max)
        bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: random >> $0) }
        self.prefix = Self.hex(bytes)
    }

    /// The next id.
    func next() -> String {
        let millis = UInt32(truncatingIfNeeded: (NIODeadline.now() - self.start).nanoseconds / 1_000_000)
        let count = self.counter.add(1, ordering: .relaxed).newValue
        let tail = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: millis >> $0) }
            + [UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count)]
        return self.prefix + Self.hex(tail)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
