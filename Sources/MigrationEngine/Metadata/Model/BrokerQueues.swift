/// One broker's queue counts and perm for a topic (Ferry's `perBrokerTopics` entries).
public struct BrokerQueues: Sendable, Codable, Hashable {
    /// Read queue count on that broker.
    public var read: Int
    /// Write queue count on that broker.
    public var write: Int
    /// Permission bits on that broker.
    public var perm: Int

    /// Creates an entry.
    public init(read: Int, write: Int, perm: Int) {
        self.read = read
        self.write = write
        self.perm = perm
    }
}
