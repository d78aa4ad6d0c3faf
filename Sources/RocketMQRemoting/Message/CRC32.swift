/// CRC-32 (IEEE, as `java.util.zip.CRC32`), and RocketMQ's positive variant (`UtilAll.crc32`).
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The plain CRC-32 of `bytes`.
    public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = Self.table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// `UtilAll.crc32`: the CRC-32 masked to 31 bits, as stored in `bodyCRC` and sent as `bodyCrc32`.
    public static func rocketMQ<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int32 {
        Int32(bitPattern: Self.checksum(bytes) & 0x7FFF_FFFF)
    }
}
