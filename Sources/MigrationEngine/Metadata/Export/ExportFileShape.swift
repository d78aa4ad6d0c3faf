/// Every top-level key any accepted export file may carry; unknown keys (`configs`, `metrics`,
/// `forbiddenTable`, 5.x mapping tables) are ignored.
struct ExportFileShape: Codable {
    var exportTime: Int64?
    var dataVersion: DataVersionShape?
    var topicConfigTable: [String: MetadataTopic]?
    var subscriptionGroupTable: [String: MetadataGroup]?
    var ferry: FerrySection?
    /// export.sh's wrapper: `{configs, metadata, metrics}`.
    var metadata: Box?
    var configs: Ignored?
    var metrics: Ignored?

    /// `{counter, timestamp}` of a broker-mode wrapper (only its presence matters).
    struct DataVersionShape: Codable {}

    /// A present key whose value is not read.
    struct Ignored: Codable {
        init() {}
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
    }

    /// The nested cluster-mode file of export.sh's wrapper (a class, to break the recursion).
    final class Box: Codable {
        let shape: ExportFileShape
        init(from decoder: any Decoder) throws { self.shape = try ExportFileShape(from: decoder) }
        func encode(to encoder: any Encoder) throws { try self.shape.encode(to: encoder) }
    }

    private enum CodingKeys: String, CodingKey {
        case exportTime, dataVersion, topicConfigTable, subscriptionGroupTable, ferry, metadata, configs, metrics
    }
}
