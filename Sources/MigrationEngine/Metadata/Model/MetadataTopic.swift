/// A topic as `mqadmin exportMetadata` writes it in `topicConfigTable` (RocketMQ's `TopicConfig` JSON).
///
/// In an mqadmin cluster-mode file the queue counts are **cluster totals** (summed over masters); in a
/// broker-mode file or in Ferry's per-broker section they are one broker's counts.
///
/// This is the export and plan files' type; RocketMQRemoting's `TopicConfig` is the wire body. They carry the
/// same fields under the same names (a test compares their stored properties and round-trips real broker
/// bodies through the export file), but differ where a document and a wire body must: numbers are Swift
/// `Int`, checked against their Java range when a file is read (`FieldChecker`, with the key path), so summing
/// counts over masters and planning never trap, where the wire side keeps Java's `int`; `perm` and
/// `topicFilterType` are the file's integer and string (checked on reading) rather than `PermName` and
/// `TopicFilterType`; every 4.x field is required in a file, as mqadmin writes them all, where the wire reader
/// takes Java's defaults. The conversion is in one place: MetadataMigration's `MetadataTypes+RocketMQ.swift`.
public struct MetadataTopic: Sendable, Codable, Hashable {
    /// The topic's full name, namespace prefix included (`mro%order_created`).
    public var topicName: String
    /// Read queue count.
    public var readQueueNums: Int
    /// Write queue count.
    public var writeQueueNums: Int
    /// Permission bits (`PermName`: 2 write, 4 read, 6 read/write).
    public var perm: Int
    /// `SINGLE_TAG` or `MULTI_TAG`.
    public var topicFilterType: String
    /// The topic's system flag bits (0 for user topics).
    public var topicSysFlag: Int
    /// Whether the topic is ordered.
    public var order: Bool
    /// 5.x topic attributes (e.g. `message.type`); absent in 4.x files.
    public var attributes: [String: String]?

    /// A topic with RocketMQ's defaults for the fields not given.
    public init(
        topicName: String, readQueueNums: Int, writeQueueNums: Int, perm: Int = 6,
        topicFilterType: String = "SINGLE_TAG", topicSysFlag: Int = 0, order: Bool = false,
        attributes: [String: String]? = nil
    ) {
        self.topicName = topicName
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.topicFilterType = topicFilterType
        self.topicSysFlag = topicSysFlag
        self.order = order
        self.attributes = attributes
    }

    /// The settings two copies of a topic must share to be "the same topic" (queue counts, perm, order,
    /// filter type, attributes); the name is not compared.
    public func sameSettings(as other: MetadataTopic) -> Bool {
        var renamed = other
        renamed.topicName = self.topicName
        return renamed == self
    }
}
