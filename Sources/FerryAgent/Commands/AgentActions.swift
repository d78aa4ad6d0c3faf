import ControlProtocol
import Foundation
import HookRuntime
import MigrationEngine
import MigrationStore
import RocketMQRemoting
import TrafficMigration
import TrafficReadiness

/// Runs one ``AgentCommand`` against the agent's state and clusters: the same library calls `ferry migrate`
/// makes, so the CLI on the agent's state file and the coordinator's commands behave alike. Never throws: a
/// command that cannot run ends in a ``CommandResult`` with ``CommandResult/error``.
struct AgentActions: Sendable {
    let context: AgentContext
    /// Runs after a step commits, before its result is returned (the service pokes its monitor from here).
    let committed: @Sendable (StageStepReport) async -> Void

    func perform(_ command: AgentCommand) async -> CommandResult {
        do {
            switch command.action {
            case .migrateCreate: return try await self.create(command)
            case .migrateCheck: return try await self.check(command)
            case .migrateAdvance: return try await self.step(command, direction: .advance)
            case .migrateRollback: return try await self.step(command, direction: .rollback)
            case .migrateStatus: return try await self.status(command)
            case .migratePreview: return try await self.preview(command)
            case .migrateHistory: return try self.history(command)
            case .hooksReload: return await self.reloadHooks()
            case .metadataExport: return try await self.metadataExport(command)
            case .metadataPlan: return try await self.metadataPlan(command)
            case .metadataImport: return try await self.metadataImport(command)
            }
        } catch let error as ControlErrorBody {
            return CommandResult(ok: false, summary: error.message, error: error)
        } catch {
            let body = ControlErrorBody(.failed, "\(command.action.rawValue) failed, nothing changed: \(error)")
            return CommandResult(ok: false, summary: body.message, error: body)
        }
    }

    // MARK: Actions

    private func create(_ command: AgentCommand) async throws -> CommandResult {
        let name = try self.taskName(command)
        if let existing = try self.context.traffic.task(named: name) {
            return CommandResult(ok: true, summary: "task \(name) exists: \(existing.topics.count) topic(s)")
        }
        let configuration = self.context.configuration
        let quiet = try command.options?["quietSeconds"].map { try TrafficArguments.quietPeriodSeconds($0) }
            ?? Int64(configuration.readiness.quietSeconds)
        let groups = (command.options?["groups"] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
        let task = try await self.withClusters { clusters in
            try await TrafficTaskCreator(store: self.context.traffic, clusters: clusters).create(
                name: name, sourceNameServers: configuration.source.nameServers,
                targetNameServers: configuration.target.nameServers, selection: try Self.selection(command, required: true),
                extraGroups: groups, quietPeriodSeconds: quiet, audit: Self.audit(command))
        }
        return CommandResult(
            ok: true, summary: "created task \(task.name): \(task.topics.count) topic(s) at stage 0 initial",
            topics: task.topics.map { TopicOutcome(topic: $0.name, from: nil, to: $0.stage, refused: nil) })
    }

    private func check(_ command: AgentCommand) async throws -> CommandResult {
        let task = try self.task(command)
        let picked = Self.pick(task, try Self.selection(command, required: false))
        let session = self.context.session(for: task)
        await session.cache.refresh(task: task)
        let guardian = session.stepGuard(hooks: self.context.hooks)
        var reports: [ReadinessReport] = []
        for topic in picked { reports.append(await guardian.report(task: task, topic: topic)) }
        let ready = reports.filter { $0.ready || $0.nextStage == nil }.count
        return CommandResult(
            ok: ready == reports.count, summary: "\(ready) of \(reports.count) topic(s) ready", readiness: reports)
    }

    private func step(_ command: AgentCommand, direction: StageDirection) async throws -> CommandResult {
        let task = try self.task(command)
        let selection = try Self.selection(command, required: true)
        if command.ignoreHealth == true, (command.reason ?? "").isEmpty {
            throw ControlErrorBody(.malformed, "ignoreHealth needs a reason")
        }
        let audit = Self.audit(command)
        if command.dryRun == true { return try await self.preview(command) }
        let session = self.context.session(for: task)
        await session.cache.refresh(task: task)
        let options = ReadinessGuardOptions(
            ignoreHealth: command.ignoreHealth == true ? HealthOverride(actor: audit.actor, reason: audit.reason ?? "") : nil,
            forceRollback: command.force == true)
        let report = try await self.withClusters { clusters in
            try await StageStepRunner(
                store: self.context.traffic, stepGuard: session.stepGuard(hooks: self.context.hooks, options: options),
                clusters: clusters, afterCommit: self.committed
            ).run(task: task.name, selection: selection, direction: direction, audit: audit)
        }
        var outcomes: [TopicOutcome] = []
        for outcome in report.outcomes {
            switch outcome {
            case .moved(let move): outcomes.append(TopicOutcome(topic: move.topic, from: move.from, to: move.to, refused: nil))
            case .refused(let topic, let stage, let reason):
                outcomes.append(TopicOutcome(topic: topic, from: stage, to: stage, refused: reason))
            }
        }
        let moved = report.moves.count
        return CommandResult(
            ok: report.everyTopicMoved, summary: "\(moved) moved, \(outcomes.count - moved) refused", topics: outcomes)
    }

    private func status(_ command: AgentCommand) async throws -> CommandResult {
        let task = try self.task(command)
        var status = try await self.withClusters { clusters in
            try await TrafficStatusReporter(store: self.context.traffic, clusters: clusters)
                .status(task: task.name, selection: try Self.selection(command, required: false))
        }
        let effects = await self.context.session(for: task).cache.effects(task: task)
        for index in status.topics.indices {
            if let effect = effects[status.topics[index].topic] { status.topics[index].effect = effect }
        }
        return CommandResult(ok: true, summary: "\(status.topics.count) topic(s)", status: status)
    }

    private func preview(_ command: AgentCommand) async throws -> CommandResult {
        let task = try self.task(command)
        let direction: StageDirection =
            command.action == .migrateRollback || command.options?["direction"] == "rollback" ? .rollback : .advance
        let (routes, refused) = try await self.withClusters { clusters in
            try await StagePreview(clusters: clusters).preview(
                task: task, selection: try Self.selection(command, required: true), direction: direction)
        }
        var outcomes: [TopicOutcome] = []
        for case .refused(let topic, let stage, let reason) in refused {
            outcomes.append(TopicOutcome(topic: topic, from: stage, to: stage, refused: reason))
        }
        return CommandResult(
            ok: outcomes.isEmpty, summary: "\(routes.count) route(s) would change, \(outcomes.count) refused",
            topics: outcomes,
            routes: routes.map {
                RoutePreview(
                    topic: $0.topic, from: $0.from, to: $0.to, routeJSON: $0.route?.text(dialect: .standard, sortKeys: true))
            })
    }

    private func history(_ command: AgentCommand) throws -> CommandResult {
        let task = try self.task(command)
        var topics: Set<String>?
        if case .selectors = try Self.selection(command, required: false) {
            topics = Set(Self.pick(task, try Self.selection(command, required: false)).map(\.name))
        }
        let entries = try self.context.traffic.history(task: task.name, topics: topics)
        return CommandResult(ok: true, summary: "\(entries.count) audit row(s)", history: entries)
    }

    private func reloadHooks() async -> CommandResult {
        guard let hooks = self.context.hooks else {
            return CommandResult(ok: true, summary: "no hooks configured")
        }
        do throws(HookError) {
            let registry = try await hooks.reload()
            return CommandResult(ok: true, summary: "hooks reloaded from \(hooks.path): \(registry.scripts.count) script(s)")
        } catch {
            return CommandResult(
                ok: false, summary: "hooks not reloaded, the previous set stays: \(error)",
                error: ControlErrorBody(.failed, "\(error)"))
        }
    }
}
