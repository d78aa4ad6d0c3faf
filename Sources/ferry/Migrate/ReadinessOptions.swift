import ArgumentParser
import Foundation
import HookRuntime
import Logging
import MigrationEngine
import MigrationStore
import RocketMQClient
import TrafficReadiness

/// `--hooks PATH`: the Lua scripts whose `health` and `gate` hooks judge steps.
struct ReadinessOptions: ParsableArguments {
    @Option(help: "Lua hook scripts (a directory or one .lua file) whose health and gate hooks judge forward steps.")
    var hooks: String?

    @Option(
        name: .customLong("producer-group"),
        help: "TOPIC=GROUP: a producer group writing TOPIC (repeatable); the broker cannot tell which topics a producer writes.")
    var producerGroups: [String] = []

    /// One gathering pass over `task`'s topics and a guard over it, for the duration of `body`.
    /// The proxy's access records come from the state file `state`.
    func withGuard<T>(
        task: MigrationTask, state: StateOptions, options: ReadinessGuardOptions,
        _ body: (ReadinessStepGuard, ReadinessFactsCache) async throws -> T
    ) async throws -> T {
        let logger = Logger(label: "ferry.readiness") { _ in SwiftLogNoOpLogHandler() }
        let runtime: HookRuntime?
        do {
            runtime = try self.hooks.map { try HookRuntime(path: $0, logger: logger) }
        } catch {
            throw fail("hooks: \(error)")
        }
        var groups: [String: [String]] = [:]
        for pair in self.producerGroups {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail("--producer-group wants TOPIC=GROUP, got \(pair)") }
            groups[parts[0], default: []].append(parts[1])
        }
        var configuration = RemotingClientConfiguration()
        configuration.requestTimeout = .seconds(3)
        let client = RemotingClient(configuration: configuration, logger: logger)
        let gatherer = ReadinessGatherer(
            source: RocketMQAdmin(client: client, nameServers: task.sourceNameServers, timeout: .seconds(3)),
            target: RocketMQAdmin(client: client, nameServers: task.targetNameServers, timeout: .seconds(3)),
            accessLog: StoredProxyAccessLog(store: ProxyAccessStore(database: try state.database()), task: task.name),
            producerGroups: groups)
        let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        let cache = ReadinessFactsCache(gatherer: gatherer, logger: logger, now: now)
        do {
            await cache.refresh(task: task)
            let result = try await body(ReadinessStepGuard(facts: cache, hooks: runtime, options: options, now: now), cache)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
