public import NIOCore

/// A message to send with ``RocketMQProducer``.
public struct RocketMQMessage: Sendable {
    /// The topic.
    public var topic: String
    /// The payload.
    public var body: ByteBuffer
    /// The tag (property `TAGS`), which consumers filter on; nil for none.
    public var tags: String?
    /// Business keys (property `KEYS`, space-separated on the wire).
    public var keys: [String]
    /// The delay level (property `DELAY`): 0 (default) delivers at once; with the default broker levels
    /// 1 = 1 s, 2 = 5 s, 3 = 10 s … 18 = 2 h.
    public var delayLevel: Int
    /// User properties, sent next to the system ones.
    public var properties: [String: String]

    /// Creates a message.
    public init(
        topic: String,
        body: ByteBuffer,
        tags: String? = nil,
        keys: [String] = [],
        delayLevel: Int = 0,
        properties: [String: String] = [:]
    ) {
        self.topic = topic
        self.body = body
        self.tags = tags
        self.keys = keys
        self.delayLevel = delayLevel
        self.properties = properties
    }
}
