/// A host as stored in a message (born host, store host): raw IPv4 (4 bytes) or IPv6 (16 bytes) address and a port.
public struct MessageHost: Sendable, Hashable, CustomStringConvertible {
    /// The address bytes, 4 for IPv4 or 16 for IPv6.
    public var address: [UInt8]
    /// The TCP port.
    public var port: Int32

    /// Creates a host from raw address bytes (4 or 16 of them) and a port.
    public init(address: [UInt8], port: Int32) {
        precondition(address.count == 4 || address.count == 16, "a message host is IPv4 or IPv6")
        self.address = address
        self.port = port
    }

    /// Parses `"a.b.c.d:port"`; `nil` when the text is not an IPv4 address with a port.
    public init?(ipv4 text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let port = Int32(parts[1]) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        self.init(address: octets, port: port)
    }

    /// Whether the address is IPv6 (and so needs the V6 sysFlag bit).
    public var isIPv6: Bool { self.address.count == 16 }

    /// `"127.0.0.1:10911"` for IPv4; the eight colon-separated hex groups and the port for IPv6.
    public var description: String {
        if self.isIPv6 {
            var groups: [String] = []
            for index in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(self.address[index]) << 8 | UInt16(self.address[index + 1]), radix: 16))
            }
            return "[\(groups.joined(separator: ":"))]:\(self.port)"
        }
        return self.address.map(String.init).joined(separator: ".") + ":\(self.port)"
    }
}
