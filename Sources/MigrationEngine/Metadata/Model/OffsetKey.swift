/// The `topic@group` keys of RocketMQ's consumer-offset table (`TOPIC_GROUP_SEPARATOR` is `@`).
public enum OffsetKey {
    /// `topic@group`.
    public static func join(topic: String, group: String) -> String { "\(topic)@\(group)" }

    /// Splits at the first `@` (RocketMQ topic names cannot hold `@`).
    public static func split(_ key: String) -> (topic: String, group: String)? {
        guard let at = key.firstIndex(of: "@") else { return nil }
        return (String(key[..<at]), String(key[key.index(after: at)...]))
    }
}
