/// A metadata export: topics and consumer groups of one source cluster, plus Ferry's own section.
///
/// It reads and writes the file format of `mqadmin exportMetadata` (4.9.2+): `exportTime`,
/// `topicConfigTable` and `subscriptionGroupTable`. Ferry adds the top-level key `ferry`
/// (``FerrySection``), which mqadmin and the cloud importers ignore. Reading also accepts the
/// `export.sh` wrapper `{configs, metadata, metrics}` and the broker-mode wrappers (`topic.json`,
/// `subscriptionGroup.json`). System topics and groups are dropped on reading and on building.
///
/// Queue counts: in an mqadmin cluster-mode file they are **cluster totals** (summed over masters,
/// see ``QueueCountScope``); a Ferry export keeps each broker's counts in ``FerrySection/perBrokerTopics``.
public struct MetadataExport: Sendable, Hashable {
    /// Which tool and mode wrote the file.
    public enum Origin: String, Sendable, Codable, Hashable {
        /// Ferry (cluster-mode tables plus the `ferry` section).
        case ferry
        /// `mqadmin exportMetadata -c` (cluster mode).
        case mqadminCluster
        /// `export.sh`'s `{configs, metadata, metrics}` wrapper around a cluster-mode file.
        case exportScript
        /// `mqadmin exportMetadata -b -t`: one broker's TopicConfigSerializeWrapper.
        case brokerTopics
        /// `mqadmin exportMetadata -b -g`: one broker's SubscriptionGroupWrapper.
        case brokerGroups
    }

    /// How to read the queue counts in ``topics``.
    public enum QueueCountScope: String, Sendable, Codable, Hashable {
        /// Summed over the source's masters (mqadmin cluster mode, export.sh).
        case clusterTotal
        /// One broker's counts (broker-mode files, and Ferry's per-broker section).
        case perBroker
    }

    /// Which tool and mode wrote the file.
    public var origin: Origin
    /// When the export was taken (epoch ms); absent in broker-mode files.
    public var exportTime: Int64?
    /// Topics by name, as in `topicConfigTable` (cluster totals for cluster-mode files).
    public var topics: [String: MetadataTopic]
    /// Consumer groups by name, as in `subscriptionGroupTable`.
    public var groups: [String: MetadataGroup]
    /// Ferry's own section; nil for files written by mqadmin.
    public var ferry: FerrySection?

    /// Creates an export.
    public init(
        origin: Origin, exportTime: Int64?, topics: [String: MetadataTopic], groups: [String: MetadataGroup],
        ferry: FerrySection? = nil
    ) {
        self.origin = origin
        self.exportTime = exportTime
        self.topics = topics
        self.groups = groups
        self.ferry = ferry
    }

    /// How the counts in ``topics`` are to be read.
    public var queueCountScope: QueueCountScope {
        switch self.origin {
        case .mqadminCluster, .exportScript, .ferry: .clusterTotal
        case .brokerTopics, .brokerGroups: .perBroker
        }
    }

    /// The per-broker read/write counts of a topic: the largest count any source broker held when the
    /// Ferry section knows them, else the file's own counts (``queueCountScope`` says what those mean).
    public func perBrokerQueues(of topic: String) -> BrokerQueues? {
        let held = (self.ferry?.perBrokerTopics ?? [:]).values.compactMap { $0[topic] }
        guard let first = held.first else { return nil }
        return held.dropFirst().reduce(first) {
            BrokerQueues(read: max($0.read, $1.read), write: max($0.write, $1.write), perm: $0.perm | $1.perm)
        }
    }
}
