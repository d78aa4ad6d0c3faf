/// One queue of a topic on one broker, as the readiness facts key it.
public struct QueueKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The broker name (unique across source and target, or the task is blocked).
    public var brokerName: String
    /// The queue id on that broker.
    public var queueId: Int

    /// Makes a key.
    public init(brokerName: String, queueId: Int) {
        self.brokerName = brokerName
        self.queueId = queueId
    }

    /// `broker#queue`, as the check reasons print it.
    public var description: String { "\(brokerName)#\(queueId)" }

    /// Orders by broker name, then queue id.
    public static func < (lhs: QueueKey, rhs: QueueKey) -> Bool {
        (lhs.brokerName, lhs.queueId) < (rhs.brokerName, rhs.queueId)
    }
}
