public import ControlProtocol
import FerryAgent
import FerryCoordinator
import Foundation
public import Logging
import MigrationEngine
import RocketMQSandbox
import ServiceLifecycle

/// The live migration demo, end to end in one process: a source and a target sandbox cluster, a coordinator
/// and an agent (each in its own `ServiceGroup`), producers and consumers that know only the agent's proxy,
/// the metadata migration and every topic through every stage, all commands through the coordinator; then the
/// producers stop, the consumers drain, and the verdict is counted.
public enum LiveDemo {
    /// The agent's id and the task's name.
    static let agentId = "demo-agent"
    static let task = "live-demo"

    /// Runs the demo, printing each phase, each stage move and each new refusal reason with `output`.
    /// - Returns: the counted verdict (``LiveDemoResult/lostAnything`` says whether anything was lost).
    /// - Throws: ``LiveDemoError`` or a component's error when the demo could not run to its verdict; every
    ///   started component is shut down first.
    public static func run(
        _ options: LiveDemoOptions, output: @escaping @Sendable (String) -> Void, logger: Logger
    ) async throws -> LiveDemoResult {
        let started = ContinuousClock.now
        let work = try Self.workDirectory(options)
        output("work directory: \(work) (state, secret, hooks, export, plan)")
        let source = try await SandboxCluster.start(
            name: "DemoSource", brokerNames: ["source-a"], nameServerPort: options.sourcePort, logger: logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(
                name: "DemoTarget", brokerNames: ["target-a"], nameServerPort: options.targetPort, logger: logger)
        } catch {
            await source.shutdown()
            throw error
        }
        output("source cluster: namesrv \(source.nameServerAddress); target cluster: namesrv \(target.nameServerAddress)")
        do {
            let result = try await Self.run(
                options, work: work, source: source, target: target, output: output, logger: logger)
            await target.shutdown()
            await source.shutdown()
            output("took \(Self.seconds(ContinuousClock.now - started)) s")
            return result
        } catch {
            await target.shutdown()
            await source.shutdown()
            throw error
        }
    }

    private static func run(
        _ options: LiveDemoOptions, work: String, source: SandboxCluster, target: SandboxCluster,
        output: @escaping @Sendable (String) -> Void, logger: Logger
    ) async throws -> LiveDemoResult {
        let topology = options.topology
        let clock = ContinuousClock.now
        let plain = output
        let output: @Sendable (String) -> Void = { line in
            let elapsed = Self.seconds(ContinuousClock.now - clock)
            plain("[\(String(repeating: " ", count: max(0, 5 - elapsed.count)))\(elapsed) s] \(line)")
        }
        try await topology.seed(source, logger: logger)
        output("seeded the source: topics \(topology.topics.joined(separator: ", ")); groups \(topology.groups.joined(separator: ", "))")

        let secretFile = (work as NSString).appendingPathComponent("control.secret")
        try Self.writeSecret(to: secretFile)
        let hooks = try Self.copyMapHooks(options.hooks, into: work)

        let (dashboardSection, generatedToken) = DemoDashboard.section(
            listen: options.dashboardListen, token: options.dashboardToken)
        let coordinatorConfiguration = CoordinatorConfiguration(
            listen: "127.0.0.1:0", secretFile: secretFile, stateDirectory: try Self.directory("coordinator", in: work),
            commandTimeoutSeconds: 60, dashboard: dashboardSection)
        let coordinator = try CoordinatorService(configuration: coordinatorConfiguration, logger: logger)
        let (dashboardPorts, dashboardPort) = AsyncStream.makeStream(of: Int.self)
        let dashboard = try CoordinatorDashboard.service(
            configuration: coordinatorConfiguration, coordinator: coordinator, metrics: nil, logger: logger,
            onListening: { port in dashboardPort.yield(port) })
        var coordinatorServices: [any Service] = [coordinator]
        if let dashboard { coordinatorServices.append(dashboard) }
        let coordinatorGroup = ServiceGroup(services: coordinatorServices, logger: logger)
        let coordinatorRun = Task {
            defer { dashboardPort.finish() }
            try await coordinatorGroup.run()
        }
        let operations = coordinator.operations
        var ports = dashboardPorts.makeAsyncIterator()
        guard let boundDashboardPort = await ports.next() else {
            _ = await coordinatorRun.result
            throw LiveDemoError("the dashboard did not start on \(options.dashboardListen) (is the port in use?)")
        }
        let port = await coordinator.port
        output("coordinator: 127.0.0.1:\(port) (state \(work)/coordinator)")
        let dashboardURL = DemoDashboard.url(listen: options.dashboardListen, port: boundDashboardPort)
        output(
            "dashboard: \(dashboardURL) (operator \(DemoDashboard.operatorName), "
                + (generatedToken.map { "token \($0)" } ?? "the token given") + "; up while the demo runs)")

        var agentConfiguration = AgentConfiguration(
            agentId: Self.agentId, labels: ["demo": "live"], cluster: source.name, task: Self.task,
            source: ClusterEndpoint(nameServers: [source.nameServerAddress]),
            target: ClusterEndpoint(nameServers: [target.nameServerAddress]),
            proxy: ProxySettings(listen: "127.0.0.1:\(options.proxyPort)"), hooks: hooks,
            coordinator: CoordinatorEndpoint(address: "127.0.0.1:\(port)", secretFile: secretFile),
            stateDirectory: try Self.directory("agent", in: work))
        agentConfiguration.readiness = ReadinessSettings(
            refreshSeconds: 1, quietSeconds: options.quietSeconds,
            producerGroups: Dictionary(uniqueKeysWithValues: topology.topics.map { ($0, [topology.producerGroup]) }))
        let agent: FerryAgentService
        do {
            agent = try FerryAgentService(configuration: agentConfiguration, logger: logger)
        } catch {
            await coordinatorGroup.triggerGracefulShutdown()
            _ = await coordinatorRun.result
            throw error
        }
        let agentGroup = ServiceGroup(services: [agent], logger: logger)
        let agentRun = Task { try await agentGroup.run() }
        let stop: @Sendable () async -> Void = {
            await agentGroup.triggerGracefulShutdown()
            _ = await agentRun.result
            await coordinatorGroup.triggerGracefulShutdown()
            _ = await coordinatorRun.result
        }

        var traffic: DemoTraffic?
        do {
            let proxyPort = await agent.proxyPort
            guard proxyPort > 0 else { throw LiveDemoError("the agent stopped before its proxy listened") }
            let proxy = "127.0.0.1:\(proxyPort)"
            output("agent \(Self.agentId): proxy \(proxy) (state \(work)/agent, hooks \(hooks ?? "none"))")
            try await Self.waitForAgent(operations)
            output("agent \(Self.agentId) connected to the coordinator")

            var trafficConfiguration = DemoTrafficConfiguration(nameServer: proxy, topology: topology)
            trafficConfiguration.sendInterval = .milliseconds(1000 / max(1, min(options.messagesPerSecond, 1000)))
            let running = await DemoTraffic.start(trafficConfiguration, logger: logger)
            traffic = running
            output("traffic: \(topology.topics.count) producers (\(options.messagesPerSecond)/s each) and \(topology.groups.count) consumer groups, all knowing only \(proxy)")
            try await Task.sleep(for: options.warmUp)

            let dispatch: StageWalker.Dispatch = { command in try await Self.dispatch(command, operations) }
            try await Self.migrateMetadata(dispatch: dispatch, output: output)

            let rewritten = try await topology.waitForRoutes(target, logger: logger)
            output(
                "the target's NameServer routes every topic"
                    + (rewritten.isEmpty ? "" : " (written again, a lost sandbox registration: \(rewritten.joined(separator: ", ")))"))

            let create = try await dispatch(
                AgentCommand(
                    action: .migrateCreate, task: Self.task, topics: topology.topics, reason: "live demo",
                    options: ["quietSeconds": "\(options.quietSeconds)", "groups": topology.groups.joined(separator: ",")]))
            if let error = create.error { throw LiveDemoError("migrate.create failed: \(error.message)") }
            output("migrate.create: \(create.summary) (quiet period \(options.quietSeconds) s)")

            if let timeout = options.operatorWait {
                output("waiting for an operator to move the topics on \(dashboardURL) (up to \(Self.seconds(timeout)) s; Ctrl-C ends the wait)")
                let wait = OperatorWait(task: Self.task, agentId: Self.agentId, operations: operations, output: output)
                let ending = await wait.wait(for: topology.topics, timeout: timeout)
                output("\(Self.describe(ending)) (sent so far: \(running.counter.sentCount)); producing \(Self.seconds(options.afterCompletion)) s more")
            } else {
                output("walking every topic through every stage (sent so far: \(running.counter.sentCount))")
                var walker = StageWalker(task: Self.task, dispatch: dispatch, output: output)
                walker.retryInterval = options.retryInterval
                walker.timeout = options.walkTimeout
                try await walker.walk(topology.topics)
                output("every topic is Completed (sent so far: \(running.counter.sentCount)); producing \(Self.seconds(options.afterCompletion)) s more, to the target only")
            }
            try await Task.sleep(for: options.afterCompletion)

            await running.stopProducing()
            output("producers stopped; draining (up to \(Self.seconds(options.drainTimeout)) s)")
            let drained = await running.drain(within: options.drainTimeout)
            await running.shutdown()
            traffic = nil
            let verdict = running.verdict
            if !drained { output("the consumers did not receive everything within the drain time") }
            for (reason, failures) in running.counter.failureReasons.sorted(by: { $0.value.count > $1.value.count }) {
                output(
                    "unacknowledged sends: \(failures.count) × \(reason) (at \(Self.seconds(failures.first - clock))"
                        + "–\(Self.seconds(failures.last - clock)) s)")
            }
            await stop()
            plain(verdict.line)
            return LiveDemoResult(verdict: verdict, workDirectory: work)
        } catch {
            if let traffic { await traffic.shutdown() }
            await stop()
            throw error
        }
    }

    // MARK: Coordinator

    /// Dispatches `command` to the demo's agent through the coordinator and returns the agent's result.
    static func dispatch(_ command: AgentCommand, _ operations: CoordinatorOperations) async throws -> CommandResult {
        let result = try await operations.dispatch(
            command, to: AgentSelector(ids: [Self.agentId]), timeout: .seconds(120), actor: "live-demo")
        guard let outcome = result.outcomes.first(where: { $0.agentId == Self.agentId }) else {
            throw LiveDemoError("\(command.action.rawValue): the coordinator returned no outcome for \(Self.agentId)")
        }
        guard let answer = outcome.result else {
            throw LiveDemoError("\(command.action.rawValue): the agent did not answer (\(outcome.status.rawValue))")
        }
        return answer
    }

    private static func waitForAgent(_ operations: CoordinatorOperations) async throws {
        for _ in 0..<300 {
            let list = await operations.agents(AgentSelector(ids: [Self.agentId]))
            if list.agents.contains(where: { $0.agentId == Self.agentId && $0.connected }) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LiveDemoError("the agent did not connect to the coordinator within 30 s")
    }

    private static func describe(_ ending: OperatorWait.Ending) -> String {
        switch ending {
        case .completed: "every topic is Completed"
        case .interrupted: "the wait was interrupted"
        case .timedOut: "the operator wait timed out"
        }
    }

    // MARK: Metadata

    /// export → plan → import, each dispatched through the coordinator to the agent (which plans through its
    /// own hooks and journals the import in its state file).
    private static func migrateMetadata(
        dispatch: StageWalker.Dispatch, output: @escaping @Sendable (String) -> Void
    ) async throws {
        for action in [AgentAction.metadataExport, .metadataPlan, .metadataImport] {
            let result = try await dispatch(AgentCommand(action: action, reason: "live demo"))
            if let error = result.error { throw LiveDemoError("\(action.rawValue) failed: \(error.message)") }
            guard result.ok else { throw LiveDemoError("\(action.rawValue) did not succeed: \(result.summary)") }
            output("\(action.rawValue): \(result.summary)")
        }
    }

    // MARK: Files

    private static func workDirectory(_ options: LiveDemoOptions) throws -> String {
        let path = options.workDirectory
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("ferry-live-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    private static func directory(_ name: String, in work: String) throws -> String {
        let path = (work as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// 32 random bytes, hex, in a file only its owner can read.
    private static func writeSecret(to path: String) throws {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(
            atPath: path, contents: Data(hex.utf8), attributes: [.posixPermissions: 0o600])
        else { throw LiveDemoError("cannot write the shared secret to \(path)") }
    }

    /// Copies the map hooks (`10_`, `20_`, `30_` scripts) of `directory` into `work/hooks`.
    private static func copyMapHooks(_ directory: String?, into work: String) throws -> String? {
        guard let directory else { return nil }
        let destination = try Self.directory("hooks", in: work)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".lua") && ($0.hasPrefix("10_") || $0.hasPrefix("20_") || $0.hasPrefix("30_"))
        }
        guard !names.isEmpty else { throw LiveDemoError("no map hooks (10_…, 20_…, 30_….lua) in \(directory)") }
        for name in names.sorted() {
            let target = (destination as NSString).appendingPathComponent(name)
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: (directory as NSString).appendingPathComponent(name), toPath: target)
        }
        return destination
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
