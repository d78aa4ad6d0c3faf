import RocketMQRemoting

/// Checks the values a file carries where they enter Ferry: every number against the range of the Java
/// type RocketMQ stores it in (`int` for queue counts, perms and flags), and a topic filter type against the
/// two RocketMQ knows, so nothing later traps on a conversion or on arithmetic, or is changed on the way out.
/// Errors name the key path and never echo a value that may be a secret.
struct FieldChecker {
    /// The file being read (for errors).
    let source: String

    /// A Java `int`.
    static let int32 = Int(Int32.min)...Int(Int32.max)
    /// A count or id that cannot be negative and travels as a Java `int`.
    static let count = 0...Int(Int32.max)

    func check(_ value: Int, in range: ClosedRange<Int>, at keyPath: String) throws(MetadataFormatError) {
        guard range.contains(value) else {
            throw MetadataFormatError(
                .invalidValue, source: self.source,
                "\(value) is outside \(range.lowerBound)...\(range.upperBound)", keyPath: keyPath)
        }
    }

    func check(_ topic: MetadataTopic, at path: String) throws(MetadataFormatError) {
        try self.check(topic.readQueueNums, in: Self.count, at: "\(path).readQueueNums")
        try self.check(topic.writeQueueNums, in: Self.count, at: "\(path).writeQueueNums")
        try self.check(topic.perm, in: Self.count, at: "\(path).perm")
        try self.check(topic.topicSysFlag, in: Self.int32, at: "\(path).topicSysFlag")
        guard TopicFilterType(rawValue: topic.topicFilterType) != nil else {
            throw MetadataFormatError(
                .invalidValue, source: self.source, "a topic filter type is SINGLE_TAG or MULTI_TAG",
                keyPath: "\(path).topicFilterType")
        }
    }

    func check(_ group: MetadataGroup, at path: String) throws(MetadataFormatError) {
        try self.check(group.retryQueueNums, in: Self.count, at: "\(path).retryQueueNums")
        try self.check(group.retryMaxTimes, in: Self.int32, at: "\(path).retryMaxTimes")
        if let flag = group.groupSysFlag { try self.check(flag, in: Self.int32, at: "\(path).groupSysFlag") }
        if let minutes = group.consumeTimeoutMinute {
            try self.check(minutes, in: Self.int32, at: "\(path).consumeTimeoutMinute")
        }
    }

    func check(_ queues: BrokerQueues, at path: String) throws(MetadataFormatError) {
        try self.check(queues.read, in: Self.count, at: "\(path).read")
        try self.check(queues.write, in: Self.count, at: "\(path).write")
        try self.check(queues.perm, in: Self.count, at: "\(path).perm")
    }

    /// Queue ids are decimal strings of a non-negative Java `int`.
    func checkQueueIds(_ offsets: [String: [String: Int64]], at path: String) throws(MetadataFormatError) {
        for (broker, queues) in offsets {
            for queue in queues.keys {
                guard let id = Int(queue), Self.count.contains(id) else {
                    throw MetadataFormatError(
                        .invalidValue, source: self.source, "a queue id must be a number in 0...\(Int32.max)",
                        keyPath: "\(path).\(broker).\(queue)")
                }
            }
        }
    }

    /// An `ORDER_TOPIC_CONFIG` value: `brokerName:queues` entries separated by `;`, queues a non-negative
    /// Java `int` (a producer builds that many queues per entry).
    func checkOrderTopicConf(_ config: String, at path: String) throws(MetadataFormatError) {
        for entry in config.split(separator: ";") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let queues = Int(parts[1]), Self.count.contains(queues) else {
                throw MetadataFormatError(
                    .invalidValue, source: self.source,
                    "an order config is `brokerName:queues;…` with queues in 0...\(Int32.max)", keyPath: path)
            }
        }
    }

    /// Names must not repeat (a broker listed twice would make two target brokers out of one).
    func checkUnique(_ names: [String], at path: String, field: String, what: String) throws(MetadataFormatError) {
        var seen: Set<String> = []
        for (index, name) in names.enumerated() where !seen.insert(name).inserted {
            throw MetadataFormatError(
                .invalidValue, source: self.source, "\(what) `\(name)` is listed twice",
                keyPath: "\(path)[\(index)].\(field)")
        }
    }
}
