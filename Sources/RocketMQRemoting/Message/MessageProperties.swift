/// Message property names (`MessageConst.java`) and the property-string encoding
/// (`name\u{1}value\u{2}name\u{1}value`, `MessageDecoder.messageProperties2String`).
public enum MessageProperties {
    /// Separates a name from its value.
    public static let nameValueSeparator: Character = "\u{1}"
    /// Separates one property from the next.
    public static let propertySeparator: Character = "\u{2}"

    /// `KEYS`: space-separated message keys.
    public static let keys = "KEYS"
    /// `TAGS`: the message tag.
    public static let tags = "TAGS"
    /// `WAIT`: whether the producer waits for the store (dropped by the broker before storing).
    public static let waitStoreMessageOK = "WAIT"
    /// `DELAY`: the delay level (1-based).
    public static let delayTimeLevel = "DELAY"
    /// `RETRY_TOPIC`: the original topic of a message sent back for retry.
    public static let retryTopic = "RETRY_TOPIC"
    /// `REAL_TOPIC`: the topic a scheduled message is delivered to.
    public static let realTopic = "REAL_TOPIC"
    /// `REAL_QID`: the queue a scheduled message is delivered to.
    public static let realQueueId = "REAL_QID"
    /// `TRAN_MSG`: a transactional half message.
    public static let transactionPrepared = "TRAN_MSG"
    /// `PGROUP`: the producer group.
    public static let producerGroup = "PGROUP"
    /// `MIN_OFFSET` in pulled messages.
    public static let minOffset = "MIN_OFFSET"
    /// `MAX_OFFSET` in pulled messages.
    public static let maxOffset = "MAX_OFFSET"
    /// `UNIQ_KEY`: the client-generated unique message id.
    public static let uniqueClientMessageIdKey = "UNIQ_KEY"
    /// `ORIGIN_MESSAGE_ID`: the store id of the message a retry copy was made from.
    public static let originMessageId = "ORIGIN_MESSAGE_ID"
    /// `RECONSUME_TIME`: client-side reconsume count.
    public static let reconsumeTime = "RECONSUME_TIME"
    /// `MAX_RECONSUME_TIMES`.
    public static let maxReconsumeTimes = "MAX_RECONSUME_TIMES"
    /// `CLUSTER`: the cluster of the broker that stored the message.
    public static let cluster = "CLUSTER"
    /// `TRACE_ON`.
    public static let traceSwitch = "TRACE_ON"
    /// `MSG_REGION`.
    public static let messageRegion = "MSG_REGION"

    /// Encodes properties as RocketMQ does: `name\u{1}value` joined by `\u{2}`, no trailing separator.
    /// Keys are written in sorted order so the output is deterministic.
    public static func encode(_ properties: [String: String]) -> String {
        var text = ""
        for key in properties.keys.sorted() {
            if !text.isEmpty { text.append(Self.propertySeparator) }
            text += key
            text.append(Self.nameValueSeparator)
            text += properties[key]!
        }
        return text
    }

    /// Decodes a property string; tolerates a trailing separator and skips entries without a value separator.
    public static func decode(_ text: String) -> [String: String] {
        var properties: [String: String] = [:]
        for entry in text.split(separator: Self.propertySeparator) {
            guard let separator = entry.firstIndex(of: Self.nameValueSeparator) else { continue }
            properties[String(entry[..<separator])] = String(entry[entry.index(after: separator)...])
        }
        return properties
    }
}
