import RocketMQRemoting
import Synchronization

/// The last cluster info each cluster answered: the union the proxy serves for GET_BROKER_CLUSTER_INFO and
/// who owns a cluster or broker name. Kept while a cluster is down, so the union still lists its brokers.
final class ClusterDirectory: Sendable {
    /// Which side a name belongs to.
    enum Side: Sendable { case source, target }

    private let infos = Mutex<(source: ClusterInfo?, target: ClusterInfo?)>((nil, nil))

    /// Replaces what a cluster answered; nil keeps the last known.
    func update(source: ClusterInfo?, target: ClusterInfo?) {
        self.infos.withLock { infos in
            if let source { infos.source = source }
            if let target { infos.target = target }
        }
    }

    /// The side whose info matches `owns` (the source when both do), nil when neither does.
    func owner(_ owns: (ClusterInfo) -> Bool) -> Side? {
        let (source, target) = self.infos.withLock { $0 }
        if let source, owns(source) { return .source }
        if let target, owns(target) { return .target }
        return nil
    }

    /// Both clusters' brokers (the source's entry wins a name clash) and cluster names (broker lists merged).
    var union: ClusterInfo? {
        let (source, target) = self.infos.withLock { $0 }
        guard source != nil || target != nil else { return nil }
        var union = source ?? ClusterInfo()
        for (name, broker) in target?.brokerAddrTable ?? [:] where union.brokerAddrTable[name] == nil {
            union.brokerAddrTable[name] = broker
        }
        for (cluster, brokers) in target?.clusterAddrTable ?? [:] {
            let known = union.clusterAddrTable[cluster] ?? []
            union.clusterAddrTable[cluster] = known + brokers.filter { !known.contains($0) }
        }
        return union
    }
}
