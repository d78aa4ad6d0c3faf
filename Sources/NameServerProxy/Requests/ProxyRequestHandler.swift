import Metrics
import RocketMQClient
import RocketMQRemoting
import RocketMQServer

/// Everything the fast path does not answer: routes not cached yet, cluster info and topic lists (the union
/// of both clusters), requests owned by one cluster (relayed unchanged), and unknown codes (no answer, as a
/// 4.9.8 NameServer's `DefaultRequestProcessor` gives none).
final class ProxyRequestHandler: RemotingRequestHandler {
    let source: UpstreamCluster
    let target: UpstreamCluster
    let model: RouteModel
    let tracker: ClientAccessTracker
    let clusters: ClusterDirectory
    let metrics: ProxyMetrics

    init(
        source: UpstreamCluster, target: UpstreamCluster, model: RouteModel, tracker: ClientAccessTracker,
        metrics: ProxyMetrics
    ) {
        self.source = source
        self.target = target
        self.model = model
        self.tracker = tracker
        self.clusters = ClusterDirectory()
        self.metrics = metrics
    }

    /// The codes a 4.9.8 NameServer answers that the proxy relays to the owning cluster unchanged.
    static let relayedCodes: Set<RequestCode> = [
        .putKVConfig, .getKVConfig, .deleteKVConfig, .queryDataVersion, .registerBroker, .unregisterBroker,
        .deleteTopicInNamesrv, .getKVListByNamespace, .getUnitTopicList, .getHasUnitSubTopicList,
        .getHasUnitSubUnunitTopicList, .updateNamesrvConfig, .getNamesrvConfig,
    ]

    func handle(_ request: RemotingCommand, on connection: RemotingConnection) async {
        // A oneway request gets no answer; the proxy does not forward oneway requests (brokers register
        // with their own NameServers, never through the proxy).
        let started = ContinuousClock.now
        var response: RemotingCommand?
        if !request.isOneway { response = await self.respond(to: request, from: connection.remoteAddress) }
        self.metrics.count(code: request.code, response: response)
        guard let response else { return }
        self.metrics.asyncDuration.record(duration: started.duration(to: .now))
        await connection.send(response)
    }

    func connectionClosed(_ connection: RemotingConnection) async {}

    /// The answer to `request`, or nil for a code a 4.9.8 NameServer does not answer.
    func respond(to request: RemotingCommand, from address: String) async -> RemotingCommand? {
        switch request.requestCode {
        case .getRouteInfoByTopic:
            return await self.route(request, from: address)
        case .getBrokerClusterInfo:
            return await self.clusterInfo(request)
        case .getAllTopicListFromNameserver, .getSystemTopicListFromNS:
            return await self.topicList(request)
        case .getTopicsByCluster:
            let cluster = request.ext("cluster") ?? ""
            return await self.relay(request, to: await self.owner { $0.clusterAddrTable[cluster] != nil })
        case .wipeWritePermOfBroker, .addWritePermOfBroker:
            let broker = request.ext("brokerName") ?? ""
            return await self.relay(request, to: await self.owner { $0.brokerAddrTable[broker] != nil })
        case let code where Self.relayedCodes.contains(code):
            return await self.relay(request, to: self.source)
        default:
            return nil
        }
    }

    /// A route not in the answer cache: fetched from the cluster(s) it needs, answered and cached.
    private func route(_ request: RemotingCommand, from address: String) async -> RemotingCommand {
        let topic = request.ext("topic") ?? ""
        guard ProxyTopicName.isValid(topic) else { return RouteAnswer(route: nil).response(to: request, topic: topic) }
        self.tracker.record(topic: topic, address: address, nowMillis: epochMillis())
        let usesTarget = await self.model.usesTarget(topic)
        async let sourceRoute = self.source.route(topic)
        async let targetRoute = usesTarget ? self.target.route(topic) : nil
        let (fromSource, fromTarget) = await (sourceRoute, targetRoute)
        guard
            let answer = await self.model.update(
                topic: topic, source: fromSource, target: fromTarget, nowMillis: epochMillis())
        else {
            return .response(
                to: request, code: .systemError,
                remark: "no NameServer of the source cluster is reachable and no route of \(topic) is cached")
        }
        return answer.response(to: request, topic: topic)
    }

    /// GET_BROKER_CLUSTER_INFO: both clusters' brokers and cluster names (the last known of a cluster that
    /// is down), written as a 4.9.8 NameServer writes it (fastjson's dialect).
    private func clusterInfo(_ request: RemotingCommand) async -> RemotingCommand {
        await self.refreshClusters()
        guard let union = self.clusters.union else {
            return .response(to: request, code: .systemError, remark: "no NameServer of either cluster is reachable")
        }
        return .response(to: request, code: .success, body: union.byteBuffer(dialect: .fastjson))
    }

    /// Topic lists: the sorted union of what each reachable cluster answers.
    private func topicList(_ request: RemotingCommand) async -> RemotingCommand {
        async let fromSource = self.source.call { try await $0.relayToNameServer(request).response }
        async let fromTarget = self.target.call { try await $0.relayToNameServer(request).response }
        let responses = await [fromSource, fromTarget]
        let lists = responses.compactMap { response -> TopicList? in
            guard let response, response.responseCode == .success, let body = response.body else { return nil }
            return try? TopicList(parsing: body)
        }
        guard !lists.isEmpty else {
            return .response(to: request, code: .systemError, remark: "no NameServer of either cluster is reachable")
        }
        let union = TopicList(
            topicList: Set(lists.flatMap(\.topicList)).sorted(), brokerAddr: lists.lazy.compactMap(\.brokerAddr).first)
        return .response(to: request, code: .success, body: union.byteBuffer())
    }

    /// The target when it alone matches `owns`, else the source.
    private func owner(_ owns: (ClusterInfo) -> Bool) async -> UpstreamCluster {
        if self.clusters.owner(owns) == nil { await self.refreshClusters() }
        return self.clusters.owner(owns) == .target ? self.target : self.source
    }

    /// Fetches both clusters' cluster info (a cluster that does not answer keeps its last known).
    func refreshClusters() async {
        async let fromSource = self.source.call { try await $0.clusterInfo() }
        async let fromTarget = self.target.call { try await $0.clusterInfo() }
        let (sourceInfo, targetInfo) = await (fromSource, fromTarget)
        self.clusters.update(source: sourceInfo, target: targetInfo)
    }

    /// Sends `request` to `cluster` and returns its answer unchanged but for the client's opaque.
    private func relay(_ request: RemotingCommand, to cluster: UpstreamCluster) async -> RemotingCommand {
        guard let response = await cluster.call({ try await $0.relayToNameServer(request).response }) else {
            return .response(
                to: request, code: .systemError, remark: "no NameServer of the \(cluster.role) cluster is reachable")
        }
        var relayed = response
        relayed.opaque = request.opaque
        relayed.serializeType = request.serializeType
        relayed.isResponse = true
        return relayed
    }
}
