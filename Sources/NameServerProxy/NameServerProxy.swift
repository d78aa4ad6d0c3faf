public import Logging
public import MigrationStore
public import NIOCore
public import NIOPosix
import RocketMQClient
import RocketMQServer
import Metrics
import Synchronization

/// A NameServer-compatible routing proxy: clients point `namesrvAddr` here once, and get each topic's route
/// rewritten for its migration stage.
///
/// GET_ROUTEINFO_BY_TOPIC is answered on the event loop from precomputed bytes (per topic and dialect);
/// everything else goes through ``ProxyRequestHandler``. Background loops refresh upstream routes every
/// ``NameServerProxyConfiguration/refreshInterval``, reload the rules when their change token moves, and
/// write client accesses and health to the state store.
public final class NameServerProxy: Sendable {
    private let server: RemotingServer
    private let handler: ProxyRequestHandler
    private let answers: RouteAnswerCache
    private let tracker: ClientAccessTracker
    private let tasks: Mutex<[Task<Void, Never>]>
    private let client: RemotingClient

    /// The bound port.
    public var port: Int { self.server.port }

    private init(
        server: RemotingServer, handler: ProxyRequestHandler, answers: RouteAnswerCache, tracker: ClientAccessTracker,
        client: RemotingClient
    ) {
        self.server = server
        self.handler = handler
        self.answers = answers
        self.tracker = tracker
        self.client = client
        self.tasks = Mutex([])
    }

    /// Loads the rules, fetches every task topic's routes, then listens on `host:port` (0: a free port) and
    /// starts the background loops. Call ``shutdown()`` to stop.
    /// - Parameters:
    ///   - taskName: the migration task served (names the access records).
    ///   - store: where client accesses and health are written; nil keeps them in memory only.
    /// - Throws: errors of the rules source, and NIO errors when the port cannot be bound.
    public static func start(
        taskName: String, configuration: NameServerProxyConfiguration, rules rulesSource: any ProxyRulesSource,
        store: ProxyAccessStore?, host: String, port: Int, logger: Logger,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> NameServerProxy {
        var clientConfiguration = RemotingClientConfiguration()
        clientConfiguration.requestTimeout = configuration.upstreamTimeout
        clientConfiguration.connectTimeout = configuration.upstreamTimeout
        let client = RemotingClient(configuration: clientConfiguration, eventLoopGroup: group, logger: logger)
        let source = UpstreamCluster(
            role: "source",
            admin: RocketMQAdmin(client: client, nameServers: configuration.sourceNameServers, timeout: configuration.upstreamTimeout),
            logger: logger)
        let target = UpstreamCluster(
            role: "target",
            admin: RocketMQAdmin(client: client, nameServers: configuration.targetNameServers, timeout: configuration.upstreamTimeout),
            logger: logger)
        let token = try await rulesSource.changeToken()
        let rules = try await rulesSource.loadRules()
        let answers = RouteAnswerCache()
        let model = RouteModel(rules: rules, answers: answers, maxCachedTopics: configuration.maxCachedTopics)
        let tracker = ClientAccessTracker(limits: configuration.access)
        let metrics = ProxyMetrics(factory: configuration.metricsFactory ?? MetricsSystem.factory)
        let handler = ProxyRequestHandler(source: source, target: target, model: model, tracker: tracker, metrics: metrics)
        let refresher = RouteRefresher(source: source, target: target, model: model)
        await refresher.refresh(rules.taskTopics)
        let server = try await RemotingServer(
            host: host, port: port,
            configuration: .init(
                maxFrameLength: configuration.maxFrameLength,
                maxInFlightPerConnection: configuration.maxInFlightPerConnection),
            fastPath: RouteFastPath(answers: answers, tracker: tracker, metrics: metrics), logger: logger, group: group)
        let proxy = NameServerProxy(server: server, handler: handler, answers: answers, tracker: tracker, client: client)
        let loops = ProxyLoops(
            taskName: taskName, listen: "\(host):\(server.port)", configuration: configuration, proxy: proxy,
            refresher: refresher, rulesSource: rulesSource, store: store, logger: logger)
        proxy.tasks.withLock { tasks in
            tasks = [Task { await server.serve(handler) }] + loops.start(token: token)
        }
        logger.info("routing proxy listening", metadata: ["proxy.task": "\(taskName)", "proxy.listen": "\(host):\(server.port)"])
        return proxy
    }

    /// Reachability of both clusters and the cache and tracking sizes.
    public var status: NameServerProxyStatus {
        NameServerProxyStatus(
            sourceReachable: self.handler.source.isReachable, targetReachable: self.handler.target.isReachable,
            cachedTopics: self.answers.count, trackedTopics: self.tracker.counts.topics)
    }

    /// The client-access tracker (which hosts asked for which topic).
    public var accesses: ClientAccessTracker { self.tracker }

    /// Fetches both clusters' cluster info, so the union survives a cluster going down.
    func refreshClusters() async {
        await self.handler.refreshClusters()
    }

    /// Stops the loops, closes the listener and every connection, and the upstream connections.
    public func shutdown() async {
        let tasks = self.tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        for task in tasks.dropFirst() { task.cancel() }
        for task in tasks.dropFirst() { await task.value }
        await self.server.close()
        if let serving = tasks.first { await serving.value }
        await self.client.shutdown()
    }
}
