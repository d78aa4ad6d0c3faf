import ArgumentParser
import HookRuntime
import Logging
import MigrationEngine
import MigrationStore
import TrafficReadiness

/// `--hooks PATH`: the Lua scripts whose `health` and `gate` hooks judge steps.
struct ReadinessOptions: ParsableArguments {
    @Option(help: "Lua hook scripts (a directory or one .lua file) whose health and gate hooks judge forward steps.")
    var hooks: String?

    @Option(
        name: .customLong("producer-group"),
        help: "TOPIC=GROUP: a producer group writing TOPIC (repeatable); the broker cannot tell which topics a producer writes.")
    var producerGroups: [String] = []

    @OptionGroup var credentials: TaskCredentialOptions

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
        let keys = try self.credentials.resolve()
        return try await ReadinessSession.with(
            task: task, accessLog: StoredProxyAccessLog(store: ProxyAccessStore(database: try state.database()), task: task.name),
            producerGroups: groups, sourceCredentials: keys.source, targetCredentials: keys.target, hooks: runtime,
            options: options, logger: logger, body)
    }
}
