public import ControlProtocol
import FerryMetrics
public import Foundation
public import Logging
import HookRuntime
import NameServerProxy
public import ServiceLifecycle
import Synchronization

/// The agent beside one source cluster, as a swift-service-lifecycle `Service`: it opens its state database,
/// serves its task's routes through the routing proxy, keeps readiness facts and its ``AgentState`` fresh,
/// runs coordinator commands once per command id, and reports to the coordinator when one is configured.
///
/// * **Fail-static**: the proxy serves what the state database holds; with the coordinator away (or none
///   configured) nothing changes for clients, and `ferry migrate … --state <stateDirectory>/state.sqlite`
///   works on the same file (its steps are served within a second).
/// * **Graceful shutdown** (SIGTERM through the `ServiceGroup`): no new command is accepted (`503`), the
///   running one finishes and is acked, then the coordinator link, the proxy and the database close.
/// * **Cancellation** without graceful shutdown stops at once; a command cut short is answered as
///   interrupted after the restart, never run twice.
public final class FerryAgentService: Service, Sendable {
    /// The build, as ``AgentState/version`` reports it.
    public static let version = "ferry-agent 0.3.0"

    private let configuration: AgentConfiguration
    private let environment: [String: String]
    let logger: Logger
    private let running = Mutex<Running?>(nil)
    private let stopped = Atomic<Bool>(false)

    /// What exists while ``run()`` runs.
    private struct Running: Sendable {
        var context: AgentContext
        var proxy: NameServerProxy
        var monitor: AgentMonitor
        var executor: AgentCommandExecutor
        var events: AsyncStream<AgentEvent>.Continuation
    }

    /// An agent for `configuration` (validated here; keys and hooks are read when it runs).
    /// - Parameter environment: where `accessKeyEnv`/`secretKeyEnv`/`secretEnv` are looked up (the process's).
    /// - Throws: ``AgentConfigurationError``.
    public init(
        configuration: AgentConfiguration, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.configuration = try configuration.validated()
        self.environment = environment
        self.logger = logger
    }

    /// Runs until graceful shutdown or cancellation.
    /// - Throws: ``AgentConfigurationError`` (keys, hooks), ``MigrationStoreError`` (the state database), or the
    ///   proxy's bind error.
    public func run() async throws {
        defer { self.stopped.store(true, ordering: .sequentiallyConsistent) }
        let client = try Self.coordinatorClient(self.configuration)
        let context = try AgentContext(configuration: self.configuration, environment: self.environment, logger: self.logger)
        let (host, port) = try AgentConfiguration.hostPort(self.configuration.proxy.listen, field: "proxy.listen", allowZero: true)
        let proxy: NameServerProxy
        do {
            proxy = try await NameServerProxy.start(
                task: self.configuration.task, database: context.database,
                configuration: NameServerProxyConfiguration(
                    sourceNameServers: self.configuration.source.nameServers,
                    targetNameServers: self.configuration.target.nameServers),
                host: host, port: port, passThroughWhenMissing: true, logger: self.logger)
        } catch {
            await context.shutdown()
            throw error
        }
        let listen = "\(host):\(proxy.port)"
        let (events, eventSink) = AsyncStream.makeStream(of: AgentEvent.self, bufferingPolicy: .bufferingNewest(1024))
        let (changes, changeSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let monitor = AgentMonitor(
            context: context,
            proxyState: {
                let status = proxy.status
                return ProxyState(
                    listen: listen, sourceReachable: status.sourceReachable, targetReachable: status.targetReachable,
                    cachedTopics: status.cachedTopics, warning: status.warning)
            },
            events: eventSink, changes: changeSink,
            metrics: self.configuration.metrics == nil ? nil : AgentMetrics(factory: FerryMetricsSystem.bootstrap()))
        let actions = AgentActions(context: context, committed: { _ in monitor.poke() })
        let agentId = self.configuration.agentId
        let executor = AgentCommandExecutor(
            store: context.commands, logger: self.logger,
            finished: { id, command, result in
                eventSink.yield(
                    AgentEvent(
                        agentId: agentId, kind: .commandFinished, task: command.task, topic: nil,
                        message: "\(command.action.rawValue) \(id): \(result.summary)", at: Date()))
            },
            perform: { await actions.perform($0) })
        await executor.recoverInterrupted()
        self.running.withLock { $0 = Running(context: context, proxy: proxy, monitor: monitor, executor: executor, events: eventSink) }
        self.logger.info(
            "agent.started",
            metadata: ["agent.id": "\(agentId)", "proxy.listen": "\(listen)", "migration.task": "\(self.configuration.task)"])
        await withDiscardingTaskGroup { group in
            group.addTask { await monitor.run(every: .seconds(self.configuration.readiness.refreshSeconds)) }
            group.addTask { await self.uplink(client, executor: executor, monitor: monitor, events: events, changes: changes) }
            if let metrics = self.configuration.metrics { group.addTask { await self.serveMetrics(metrics) } }
            try? await gracefulShutdown()
            await executor.stopAccepting()
            await executor.drain()
            group.cancelAll()
        }
        self.running.withLock { $0 = nil }
        eventSink.finish()
        changeSink.finish()
        await proxy.shutdown()
        await context.shutdown()
        self.logger.info("agent.stopped", metadata: ["agent.id": "\(agentId)"])
    }

    /// Reloads the hook scripts (SIGHUP); a broken set is logged and reported as a `hookError` event, and the
    /// previous set stays.
    public func reloadHooks() async {
        guard let running = self.running.withLock({ $0 }), let hooks = running.context.hooks else { return }
        do {
            _ = try await hooks.reload()
            self.logger.info("agent.hooks.reloaded", metadata: ["hook.path": "\(hooks.path)"])
            running.monitor.poke()
        } catch {
            self.logger.warning("agent.hooks.reload.failed", metadata: ["hook.path": "\(hooks.path)", "error": "\(error)"])
            running.events.yield(
                AgentEvent(
                    agentId: self.configuration.agentId, kind: .hookError, task: nil, topic: nil,
                    message: "hooks not reloaded, the previous set stays: \(error)", at: Date()))
        }
    }

    /// The proxy's port once it listens (the configured one, or the one picked for port 0); 0 when the agent
    /// stopped before listening.
    public var proxyPort: Int {
        get async {
            while true {
                if let running = self.running.withLock({ $0 }) { return running.proxy.port }
                if self.stopped.load(ordering: .sequentiallyConsistent) { return 0 }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Runs a command in-process, exactly as one arriving from the coordinator (the demo, tests); `503` while
    /// the agent is not running.
    public func execute(id: String, command: AgentCommand) async -> AgentCommandExecutor.Reply {
        guard let running = self.running.withLock({ $0 }) else {
            return .error(ControlErrorBody(.unavailable, "the agent is not running"))
        }
        return await running.executor.execute(id: id, command: command)
    }

    /// The latest state (nil while the agent is not running).
    public var state: AgentState? {
        get async { await self.running.withLock({ $0 })?.monitor.state }
    }
}
