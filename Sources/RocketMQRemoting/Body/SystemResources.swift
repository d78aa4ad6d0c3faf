/// RocketMQ's rules for which topics and consumer groups belong to the system rather than to users.
///
/// Sources: `common/…/topic/TopicValidator.java` (fixed topic set, `rmq_sys_` prefix),
/// `broker/…/topic/TopicConfigManager.java` (cluster-name, broker-name and `<cluster>_REPLY_TOPIC` topics),
/// `common/…/MixAll.java` (retry, DLQ and LMQ prefixes, `CID_RMQ_SYS_` and `PREDEFINE_GROUP_SET`).
/// A metadata export skips everything these functions call system (see ROCKETMQ-FACTS §1.9).
public enum SystemResources {
    /// What kind of topic a name is.
    public enum TopicKind: Sendable, Hashable {
        /// A topic users created; migrate it.
        case user
        /// A topic of RocketMQ itself: the fixed set, `rmq_sys_*`, or a cluster/broker-named topic.
        case system
        /// A retry topic of a consumer group: `%RETRY%<group>`.
        case retry
        /// A dead-letter topic of a consumer group: `%DLQ%<group>`.
        case deadLetter
        /// A light message queue: `%LMQ%…`.
        case lightMessageQueue
    }

    /// `TopicValidator`'s fixed system topics (4.9.8, plus 5.x's `CHECKPOINT_TOPIC`).
    public static let fixedSystemTopics: Set<String> = [
        "TBW102", "SCHEDULE_TOPIC_XXXX", "BenchmarkTest", "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRACE_TOPIC",
        "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC", "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT",
        "CHECKPOINT_TOPIC",
    ]

    /// `TopicValidator.SYSTEM_TOPIC_PREFIX`: every topic starting with it is a system topic.
    public static let systemTopicPrefix = "rmq_sys_"
    /// `MixAll.RETRY_GROUP_TOPIC_PREFIX`.
    public static let retryTopicPrefix = "%RETRY%"
    /// `MixAll.DLQ_GROUP_TOPIC_PREFIX`.
    public static let deadLetterTopicPrefix = "%DLQ%"
    /// `MixAll.LMQ_PREFIX`.
    public static let lightMessageQueuePrefix = "%LMQ%"
    /// The suffix of each cluster's request-reply topic, `<cluster>_REPLY_TOPIC` (`MixAll.REPLY_TOPIC_POSTFIX`).
    public static let replyTopicSuffix = "_REPLY_TOPIC"
    /// `MixAll.CID_RMQ_SYS_PREFIX`: every consumer group starting with it is a system group.
    public static let systemGroupPrefix = "CID_RMQ_SYS_"

    /// `MixAll.PREDEFINE_GROUP_SET` (HEAD, which adds `CID_RMQ_SYS_TRANS` to 4.9.8's list).
    public static let predefinedGroups: Set<String> = [
        "DEFAULT_CONSUMER", "DEFAULT_PRODUCER", "TOOLS_CONSUMER", "SCHEDULE_CONSUMER", "FILTERSRV_CONSUMER",
        "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_P_GROUP", "SELF_TEST_C_GROUP",
        "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_ONSAPI_PULL", "CID_RMQ_SYS_TRANS",
    ]

    /// Classifies a topic name.
    ///
    /// - Parameters:
    ///   - topic: the topic name.
    ///   - clusterNames: the clusters the topic lives in; each has a topic named after it and a `<cluster>_REPLY_TOPIC`.
    ///   - brokerNames: the brokers the topic lives on; each has a topic named after it.
    ///   - traceTopic: a custom `msgTraceTopicName` configured on the brokers, if any.
    public static func topicKind(
        _ topic: String,
        clusterNames: some Sequence<String> = [String](),
        brokerNames: some Sequence<String> = [String](),
        traceTopic: String? = nil
    ) -> TopicKind {
        if topic.hasPrefix(retryTopicPrefix) { return .retry }
        if topic.hasPrefix(deadLetterTopicPrefix) { return .deadLetter }
        if topic.hasPrefix(lightMessageQueuePrefix) { return .lightMessageQueue }
        if fixedSystemTopics.contains(topic) || topic.hasPrefix(systemTopicPrefix) || topic == traceTopic {
            return .system
        }
        for cluster in clusterNames where topic == cluster || topic == cluster + replyTopicSuffix {
            return .system
        }
        if brokerNames.contains(topic) { return .system }
        return .user
    }

    /// Whether a topic is anything but a user topic: system, retry, dead-letter or light message queue.
    ///
    /// Use ``topicKind(_:clusterNames:brokerNames:traceTopic:)`` to keep retry and DLQ topics (mqadmin's `-s`).
    public static func isSystemTopic(
        _ topic: String,
        clusterNames: some Sequence<String> = [String](),
        brokerNames: some Sequence<String> = [String](),
        traceTopic: String? = nil
    ) -> Bool {
        topicKind(topic, clusterNames: clusterNames, brokerNames: brokerNames, traceTopic: traceTopic) != .user
    }

    /// Whether a consumer or producer group is RocketMQ's own: `CID_RMQ_SYS_*` or in ``predefinedGroups``.
    public static func isSystemGroup(_ group: String) -> Bool {
        group.hasPrefix(systemGroupPrefix) || predefinedGroups.contains(group)
    }
}
