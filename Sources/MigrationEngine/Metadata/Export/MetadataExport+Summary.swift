public import Foundation

extension MetadataExport {
    /// The line `ferry metadata export` prints for people: what was exported, from where, to which file.
    public func summaryLine(file: String) -> String {
        let counts = self.summaryCounts
        return "exported \(counts.topics) topics, \(counts.groups) groups, \(counts.consumerOffsets) offset sets, "
            + "\(counts.aclAccounts) ACL accounts from \(self.ferry?.sourceCluster ?? "?") "
            + "(\(self.ferry?.brokers.count ?? 0) masters) to \(file)"
    }

    /// The same summary as data for `ferry metadata export --json`: `{"file", "sourceCluster", "exportTime",
    /// "brokers": [{"brokerName", "addr"}], "counts": {"topics", "groups", "consumerOffsets", "aclAccounts",
    /// "orderTopicConfs"}}`, numbers as numbers, `sourceCluster`/`exportTime` left out when the export has
    /// none; sorted keys, so equal exports give equal bytes. Secret keys never appear.
    public func summaryJSON(file: String) -> Data {
        JSONFile.encode(
            ExportSummary(
                file: file, sourceCluster: self.ferry?.sourceCluster, exportTime: self.exportTime,
                brokers: (self.ferry?.brokers ?? []).sorted(), counts: self.summaryCounts))
    }

    private var summaryCounts: ExportSummary.Counts {
        ExportSummary.Counts(
            topics: self.topics.count, groups: self.groups.count,
            consumerOffsets: self.ferry?.consumerOffsets.count ?? 0, aclAccounts: self.ferry?.aclAccounts.count ?? 0,
            orderTopicConfs: self.ferry?.orderTopicConfs?.count ?? 0)
    }
}

/// The shape of ``MetadataExport/summaryJSON(file:)``.
private struct ExportSummary: Encodable {
    var file: String
    var sourceCluster: String?
    var exportTime: Int64?
    var brokers: [BrokerReference]
    var counts: Counts

    struct Counts: Encodable {
        /// Topics, system topics left out.
        var topics: Int
        /// Consumer groups, system groups left out.
        var groups: Int
        /// `topic@group` offset sets.
        var consumerOffsets: Int
        /// ACL 1.0 accounts.
        var aclAccounts: Int
        /// Ordered topics read from the NameServer's `ORDER_TOPIC_CONFIG`.
        var orderTopicConfs: Int
    }
}
