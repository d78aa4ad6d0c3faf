public import Foundation

extension MetadataExport {
    /// Reads any accepted export file (see ``MetadataExport``), dropping system topics and groups.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - source: a label for errors, usually the path.
    /// - Throws: ``MetadataFormatError`` naming the byte offset of a syntax error or the key path of a bad value
    ///   (a number outside the range RocketMQ stores it in, a broker listed twice).
    public static func read(_ data: Data, source: String) throws(MetadataFormatError) -> MetadataExport {
        let shape = try JSONFile.decode(ExportFileShape.self, from: data, source: source)
        var export = try Self.interpret(shape, source: source)
        try export.validate(source: source, prefix: export.origin == .exportScript ? "metadata." : "")
        export.removeSystemResources()
        return export
    }

    private static func interpret(_ shape: ExportFileShape, source: String) throws(MetadataFormatError)
        -> MetadataExport
    {
        if let wrapped = shape.metadata, shape.topicConfigTable == nil, shape.subscriptionGroupTable == nil {
            var inner = try Self.interpret(wrapped.shape, source: source)
            if inner.origin == .mqadminCluster { inner.origin = .exportScript }
            return inner
        }
        if shape.topicConfigTable == nil, shape.subscriptionGroupTable == nil {
            if shape.metadata != nil || shape.configs != nil || shape.metrics != nil {
                throw MetadataFormatError(
                    .unrecognizedFormat, source: source,
                    "an export.sh wrapper whose `metadata` is empty: exportMetadata wrote nothing", keyPath: "metadata")
            }
            throw MetadataFormatError(
                .unrecognizedFormat, source: source,
                "not a metadata export: expected `topicConfigTable` or `subscriptionGroupTable` "
                    + "(mqadmin exportMetadata), or `metadata` (export.sh)", keyPath: "")
        }
        if let ferry = shape.ferry, ferry.formatVersion > FerrySection.currentFormatVersion {
            throw MetadataFormatError(
                .unsupportedVersion, source: source,
                "Ferry section version \(ferry.formatVersion) is newer than this Ferry reads "
                    + "(\(FerrySection.currentFormatVersion))", keyPath: "ferry.formatVersion")
        }
        let origin: Origin
        if shape.ferry != nil {
            origin = .ferry
        } else if shape.exportTime == nil, shape.dataVersion != nil {
            origin = shape.topicConfigTable != nil ? .brokerTopics : .brokerGroups
        } else {
            origin = .mqadminCluster
        }
        try Self.checkNames(shape, source: source)
        return MetadataExport(
            origin: origin, exportTime: shape.exportTime, topics: shape.topicConfigTable ?? [:],
            groups: shape.subscriptionGroupTable ?? [:], ferry: shape.ferry)
    }

    /// A table key must be the name its entry carries (mqadmin writes both).
    private static func checkNames(_ shape: ExportFileShape, source: String) throws(MetadataFormatError) {
        for (key, topic) in shape.topicConfigTable ?? [:] where topic.topicName != key {
            throw MetadataFormatError(
                .invalidValue, source: source, "topic entry `\(key)` names itself `\(topic.topicName)`",
                keyPath: "topicConfigTable.\(key).topicName")
        }
        for (key, group) in shape.subscriptionGroupTable ?? [:] where group.groupName != key {
            throw MetadataFormatError(
                .invalidValue, source: source, "group entry `\(key)` names itself `\(group.groupName)`",
                keyPath: "subscriptionGroupTable.\(key).groupName")
        }
    }
}
