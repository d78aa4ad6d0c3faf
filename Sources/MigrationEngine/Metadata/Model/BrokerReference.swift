/// A master broker of the exported cluster.
public struct BrokerReference: Sendable, Codable, Hashable, Comparable {
    /// The broker name (`broker-a`).
    public var brokerName: String
    /// The master's address (`host:port`).
    public var addr: String

    /// Creates a reference.
    public init(brokerName: String, addr: String) {
        self.brokerName = brokerName
        self.addr = addr
    }

    /// Orders by broker name, then address.
    public static func < (lhs: BrokerReference, rhs: BrokerReference) -> Bool {
        (lhs.brokerName, lhs.addr) < (rhs.brokerName, rhs.addr)
    }
}
