/// One queue of a topic on one broker (`common/…/message/MessageQueue.java`).
///
/// fastjson writes it with its fields in alphabetical order, and uses the whole object as a map key in
/// `ConsumeStats` and `TopicStatsTable`: `{{"brokerName":"b","queueId":0,"topic":"t"}:{…}}`.
public struct MessageQueue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The topic.
    public var topic: String
    /// The broker group (master and slaves share it).
    public var brokerName: String
    /// The queue index on that broker, from 0.
    public var queueId: Int32

    /// Makes a queue.
    public init(topic: String, brokerName: String, queueId: Int32) {
        self.topic = topic
        self.brokerName = brokerName
        self.queueId = queueId
    }

    /// Java's `compareTo`: by topic, then broker name, then queue id.
    public static func < (lhs: MessageQueue, rhs: MessageQueue) -> Bool {
        if lhs.topic != rhs.topic { return lhs.topic.utf16.lexicographicallyPrecedes(rhs.topic.utf16) }
        if lhs.brokerName != rhs.brokerName {
            return lhs.brokerName.utf16.lexicographicallyPrecedes(rhs.brokerName.utf16)
        }
        return lhs.queueId < rhs.queueId
    }

    /// Like Java's `toString`: `MessageQueue [topic=t, brokerName=b, queueId=0]`.
    public var description: String {
        "MessageQueue [topic=\(topic), brokerName=\(brokerName), queueId=\(queueId)]"
    }
}
