public import Foundation

extension MetadataExport {
    /// The file Ferry writes: mqadmin's cluster-mode tables (cluster-total queue counts, as mqadmin
    /// writes them) plus the `ferry` section; pretty-printed with sorted keys, so equal exports give
    /// equal bytes.
    public func encoded() -> Data {
        let shape = ExportFileShape(
            exportTime: self.exportTime, dataVersion: nil, topicConfigTable: self.topics,
            subscriptionGroupTable: self.groups, ferry: self.ferry, metadata: nil, configs: nil, metrics: nil)
        return JSONFile.encode(shape)
    }
}
