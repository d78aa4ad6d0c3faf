import RocketMQRemoting

/// The fixed settings of one sandbox broker, made by ``SandboxCluster`` from ``SandboxOptions``.
struct BrokerConfiguration: Sendable {
    var clusterName: String
    var brokerName: String
    /// `"127.0.0.1:port"`, the address registered with the NameServer and written into messages.
    var brokerAddr: String
    /// The NameServer address (for GET_BROKER_CONFIG's `namesrvAddr`).
    var nameServerAddr: String
    /// `messageDelayLevel` as text, e.g. `"1s 5s 10s …"`.
    var messageDelayLevel: String
    /// The delay of each level, in ms (level 1 first).
    var delayLevelMillis: [Int64]
    /// The largest body accepted by SEND_MESSAGE (`maxMessageSize`, 4 MiB).
    var maxMessageSize: Int = 4 * 1024 * 1024
    /// The bytes of messages the store keeps; past it the oldest are dropped (see ``MessageStore``).
    var storeCapacity: Int
    /// When set, every request must be signed by one of these accounts.
    var acl: AccessValidator?

    init(
        clusterName: String, brokerName: String, brokerAddr: String, nameServerAddr: String,
        messageDelayLevel: String, acl: AccessValidator?, storeCapacity: Int = SandboxOptions().storeCapacity
    ) {
        self.storeCapacity = storeCapacity
        self.clusterName = clusterName
        self.brokerName = brokerName
        self.brokerAddr = brokerAddr
        self.nameServerAddr = nameServerAddr
        self.messageDelayLevel = messageDelayLevel
        let levels = Self.parseDelayLevels(messageDelayLevel)
        // A text with no valid level keeps 4.9.8's default levels (a Java broker would refuse to start).
        self.delayLevelMillis = levels.isEmpty ? Self.parseDelayLevels(SandboxOptions().messageDelayLevel) : levels
        self.acl = acl
    }

    /// Parses `"1s 5s 1m 2h"` (units s, m, h, d as `ScheduleMessageService.parseDelayLevel`; also `ms`, which
    /// Java does not accept, so tests can use short levels).
    static func parseDelayLevels(_ text: String) -> [Int64] {
        text.split(separator: " ").compactMap { level in
            if level.hasSuffix("ms") { return Int64(level.dropLast(2)) }
            guard let unit = level.last, let value = Int64(level.dropLast()) else { return nil }
            switch unit {
            case "s": return value * 1000
            case "m": return value * 60_000
            case "h": return value * 3_600_000
            case "d": return value * 86_400_000
            default: return nil
            }
        }
    }

    /// The port part of ``brokerAddr``.
    var listenPort: Int { Int(self.brokerAddr.split(separator: ":").last ?? "") ?? 0 }

    /// The topics a fresh 4.9.8 broker has (`TopicConfigManager` constructor and the transaction service).
    func defaultTopics() -> [TopicConfig] {
        let rw: PermName = [.read, .write]
        let inherit: PermName = [.read, .write, .inherit]
        return [
            TopicConfig(topicName: "SELF_TEST_TOPIC", readQueueNums: 1, writeQueueNums: 1, perm: rw),
            TopicConfig(topicName: self.clusterName, readQueueNums: 16, writeQueueNums: 16, perm: inherit),
            TopicConfig(topicName: self.brokerName, readQueueNums: 1, writeQueueNums: 1, perm: inherit),
            TopicConfig(topicName: "BenchmarkTest", readQueueNums: 1024, writeQueueNums: 1024, perm: rw),
            TopicConfig(topicName: "OFFSET_MOVED_EVENT", readQueueNums: 1, writeQueueNums: 1, perm: rw),
            TopicConfig(
                topicName: Self.scheduleTopic, readQueueNums: Self.scheduleQueueNums,
                writeQueueNums: Self.scheduleQueueNums, perm: rw),
            TopicConfig(topicName: "\(self.clusterName)_REPLY_TOPIC", readQueueNums: 1, writeQueueNums: 1, perm: rw),
            TopicConfig(topicName: Self.transactionHalfTopic, readQueueNums: 1, writeQueueNums: 1, perm: rw),
        ]
    }

    /// `TopicValidator.getSystemTopicSet()` as a 4.9.8 broker answers GET_SYSTEM_TOPIC_LIST_FROM_BROKER.
    var systemTopics: [String] {
        [
            Self.scheduleTopic, self.clusterName, Self.transactionHalfTopic, "RMQ_SYS_TRACE_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC", "BenchmarkTest", "TRANS_CHECK_MAX_TIME_TOPIC", "OFFSET_MOVED_EVENT",
            "TBW102", self.brokerName, "\(self.clusterName)_REPLY_TOPIC", "SELF_TEST_TOPIC",
        ]
    }

    /// The groups a fresh 4.9.8 broker has (`SubscriptionGroupManager` constructor).
    static let defaultGroups = [
        "TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL",
        "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER",
    ]

    /// `SCHEDULE_TOPIC_XXXX`: where delayed messages wait, queue `level - 1`.
    static let scheduleTopic = "SCHEDULE_TOPIC_XXXX"
    /// `SCHEDULE_TOPIC_QUEUE_NUM`: the schedule topic has 18 queues whatever the delay levels.
    static let scheduleQueueNums: Int32 = 18
    /// `TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET`: producers may not send to these directly.
    static let notAllowedSendTopics: Set<String> = [
        scheduleTopic, transactionHalfTopic, "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC",
        "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT",
    ]
    /// Where transactional half messages wait.
    static let transactionHalfTopic = "RMQ_SYS_TRANS_HALF_TOPIC"

    /// The GET_BROKER_CONFIG properties: the captured 4.9.8 set with this broker's values.
    func properties(brokerPermission: PermName) -> BrokerProperties {
        var properties = BrokerProperties(BrokerConfigDefaults.entries.map { .init(key: $0.0, value: $0.1) })
        let host = String(self.brokerAddr.split(separator: ":").first ?? "127.0.0.1")
        properties["brokerName"] = self.brokerName
        properties["brokerClusterName"] = self.clusterName
        properties["namesrvAddr"] = self.nameServerAddr
        properties["listenPort"] = String(self.listenPort)
        properties["haListenPort"] = String(self.listenPort + 1)
        properties["brokerIP1"] = host
        properties["brokerIP2"] = host
        properties["brokerPermission"] = String(brokerPermission.rawValue)
        properties["messageDelayLevel"] = self.messageDelayLevel
        properties["aclEnable"] = String(self.acl != nil)
        properties["maxMessageSize"] = String(self.maxMessageSize)
        return properties
    }
}
