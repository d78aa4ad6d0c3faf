public import RocketMQRemoting

/// The route a client gets for a topic at a stage: the source and target routes merged as the DESIGN.md stage
/// table says. A pure function; the routing proxy calls it whenever a stage or an upstream route changes.
///
/// | stage | source queues | target queues |
/// | --- | --- | --- |
/// | initial | the source route, unchanged | absent |
/// | dual-read | as on source | perm READ only |
/// | dual-read-write | as on source | READ, plus WRITE where the target grants it |
/// | cutting-over | perm READ only | READ, plus WRITE where the target grants it |
/// | completed | absent | the target route, unchanged |
///
/// Producers write only to queues with the WRITE bit and consumers read queues with the READ bit
/// (`MQClientInstance.topicRouteData2TopicPublishInfo` / `…SubscribeInfo`), so rewriting `perm` steers both —
/// except `orderTopicConf`, which producers follow verbatim. In the merged stages (1–3) it is therefore:
/// * dropped for a topic that is not ordered, so its producers follow the rewritten perms;
/// * for an ordered topic, rewritten to list exactly the clusters producers write to at the stage: each such
///   cluster contributes its own `orderTopicConf` entries, or `brokerName:writeQueueNums` of its writable queues
///   when it has none; when neither cluster has one, or no cluster producers write to has a queue, it is absent.
///
/// 5.x static-topic mappings (`topicQueueMappingByBroker`) also bypass perms; the merged stages drop them.
public enum RouteRewriter {
    /// The route a client gets, or `nil` when it must get TOPIC_NOT_EXIST (no side of the stage has a route).
    public static func clientRoute(
        source: TopicRouteData?, target: TopicRouteData?, stage: MigrationStage, ordered: Bool
    ) -> TopicRouteData? {
        switch stage {
        case .initial: return source
        case .completed: return target
        case .dualRead, .dualReadWrite, .cuttingOver: break
        }
        if source == nil && target == nil { return nil }
        let sourceQueues = (source?.queueDatas ?? []).map { queue in
            var queue = queue
            queue.perm = sourcePerm(queue.perm, stage: stage)
            return queue
        }
        let targetQueues = (target?.queueDatas ?? []).map { queue in
            var queue = queue
            queue.perm = targetPerm(queue.perm, stage: stage)
            return queue
        }
        var filterServers = source?.filterServerTable ?? [:]
        for (broker, servers) in target?.filterServerTable ?? [:] where filterServers[broker] == nil {
            filterServers[broker] = servers
        }
        let orderConf =
            ordered
            ? orderTopicConf(
                stage: stage,
                sides: [(.source, source, sourceQueues), (.target, target, targetQueues)])
            : nil
        return TopicRouteData(
            orderTopicConf: orderConf,
            queueDatas: sourceQueues + targetQueues,
            brokerDatas: (source?.brokerDatas ?? []) + (target?.brokerDatas ?? []),
            filterServerTable: filterServers,
            topicQueueMappingByBroker: nil)
    }

    /// The source queues' perm at a merged stage: as on the source, then READ only while cutting over.
    static func sourcePerm(_ perm: PermName, stage: MigrationStage) -> PermName {
        stage == .cuttingOver ? perm.intersection(.read) : perm
    }

    /// The target queues' perm at a merged stage: READ only at dual-read, then READ plus the target's WRITE.
    static func targetPerm(_ perm: PermName, stage: MigrationStage) -> PermName {
        stage == .dualRead ? .read : PermName.read.union(perm.intersection(.write))
    }

    /// The rewritten `orderTopicConf` of an ordered topic at a merged stage, or `nil` when no cluster has one.
    private static func orderTopicConf(
        stage: MigrationStage, sides: [(ClusterSide, TopicRouteData?, [QueueData])]
    ) -> String? {
        guard sides.contains(where: { $0.1?.orderTopicConf?.isEmpty == false }) else { return nil }
        var entries: [String] = []
        for (side, route, queues) in sides where stage.producerSides.contains(side) {
            if let conf = route?.orderTopicConf, !conf.isEmpty {
                entries += conf.split(separator: ";").map(String.init)
            } else {
                entries += queues.filter { $0.perm.isWritable && $0.writeQueueNums > 0 }
                    .map { "\($0.brokerName):\($0.writeQueueNums)" }
            }
        }
        return entries.isEmpty ? nil : entries.joined(separator: ";")
    }
}
