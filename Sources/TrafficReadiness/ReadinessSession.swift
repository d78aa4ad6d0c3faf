public import Foundation
public import HookRuntime
public import Logging
public import MigrationEngine
public import RocketMQClient

/// One task's readiness machinery: the admin connections the ``ReadinessGatherer`` asks both clusters
/// through, the ``ReadinessFactsCache`` it fills, and step guards over that cache. `ferry migrate` opens one
/// per command (``with(task:accessLog:producerGroups:hooks:options:logger:_:)``); the agent keeps one per task
/// and refreshes it on a schedule.
public final class ReadinessSession: Sendable {
    /// The facts, refreshed by ``ReadinessFactsCache/refresh(task:)`` or ``ReadinessFactsCache/run(every:task:)``.
    public let cache: ReadinessFactsCache
    /// Unix milliseconds now.
    public let now: @Sendable () -> Int64
    private let clients: [RemotingClient]

    /// Connections to `task`'s clusters (made lazily, on the first request).
    /// - Parameters:
    ///   - accessLog: which client hosts asked the routing proxy for which topic.
    ///   - producerGroups: topic → producer groups writing it (the broker cannot tell which topics a producer writes).
    ///   - sourceCredentials: ACL keys for the source's brokers, when they check ACL.
    ///   - targetCredentials: the same for the target.
    public init(
        task: MigrationTask, accessLog: any ProxyAccessLog, producerGroups: [String: [String]] = [:],
        sourceCredentials: AclCredentials? = nil, targetCredentials: AclCredentials? = nil,
        timeout: Duration = .seconds(3), logger: Logger,
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) {
        var configuration = RemotingClientConfiguration()
        configuration.requestTimeout = timeout
        configuration.credentials = sourceCredentials
        let source = RemotingClient(configuration: configuration, logger: logger)
        configuration.credentials = targetCredentials
        let target = RemotingClient(configuration: configuration, logger: logger)
        let gatherer = ReadinessGatherer(
            source: RocketMQAdmin(client: source, nameServers: task.sourceNameServers, timeout: timeout),
            target: RocketMQAdmin(client: target, nameServers: task.targetNameServers, timeout: timeout),
            accessLog: accessLog, producerGroups: producerGroups)
        self.cache = ReadinessFactsCache(gatherer: gatherer, logger: logger, now: now)
        self.clients = [source, target]
        self.now = now
    }

    /// A guard over this session's facts.
    public func stepGuard(hooks: HookRuntime?, options: ReadinessGuardOptions = ReadinessGuardOptions()) -> ReadinessStepGuard {
        ReadinessStepGuard(facts: self.cache, hooks: hooks, options: options, now: self.now)
    }

    /// Closes the connections.
    public func shutdown() async {
        for client in self.clients { await client.shutdown() }
    }

    /// One gathering pass over `task`'s topics and a guard over it, for the duration of `body`; the
    /// connections are closed after it, also when it throws.
    public static func with<T>(
        task: MigrationTask, accessLog: any ProxyAccessLog, producerGroups: [String: [String]] = [:],
        sourceCredentials: AclCredentials? = nil, targetCredentials: AclCredentials? = nil, hooks: HookRuntime?,
        options: ReadinessGuardOptions, logger: Logger,
        _ body: (ReadinessStepGuard, ReadinessFactsCache) async throws -> T
    ) async throws -> T {
        let session = ReadinessSession(
            task: task, accessLog: accessLog, producerGroups: producerGroups, sourceCredentials: sourceCredentials,
            targetCredentials: targetCredentials, logger: logger)
        do {
            await session.cache.refresh(task: task)
            let result = try await body(session.stepGuard(hooks: hooks, options: options), session.cache)
            await session.shutdown()
            return result
        } catch {
            await session.shutdown()
            throw error
        }
    }
}
