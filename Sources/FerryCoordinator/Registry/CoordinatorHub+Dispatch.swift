import ControlProtocol
import FerryMetrics
import Foundation
import Logging
import MigrationStore

extension CoordinatorHub {
    /// Outcome statuses a later ack may still change (and that are re-sent when the agent connects).
    static let unfinished: Set<String> = [
        OutcomeStatus.pending.rawValue, OutcomeStatus.timedOut.rawValue, OutcomeStatus.offline.rawValue,
    ]

    /// Sends `command` to the selected agents and waits up to `timeout` for each connected agent's ack.
    ///
    /// The command and one outcome per agent (`pending` when connected, `offline` when not) are committed
    /// before any `CMD` line leaves; each ack is committed as it arrives (acks arriving together share one
    /// transaction, see ``AckBatcher``) and counted only once committed; agents that did not ack in time are
    /// committed `timedOut`. Unfinished outcomes are re-sent, same id, when their agent next connects.
    func dispatch(
        _ command: AgentCommand, to selector: AgentSelector?, timeout: Duration?, actor: String, commandId: String?
    ) async throws(ControlErrorBody) -> DispatchResult {
        guard self.dispatchesInFlight < self.limits.maxPendingCommands else {
            throw ControlErrorBody(.busy, "\(self.limits.maxPendingCommands) commands are in flight; try again")
        }
        self.dispatchesInFlight += 1
        defer { self.dispatchesInFlight -= 1 }
        let id = commandId ?? CommandIdentifier.generate()
        guard ControlLine.isValidId(id) else {
            throw ControlErrorBody(.malformed, "a command id is 1–64 of A-Z a-z 0-9 - _ . :")
        }
        var command = command
        command.actor = actor
        let targets = try self.targets(of: selector)
        let commandJSON: String
        do {
            commandJSON = try ControlJSON.encode(command)
        } catch {
            throw ControlErrorBody(.malformed, "the command cannot be encoded")
        }
        let now = Date()
        let connected = Set(targets.filter { self.agents[$0]?.connection != nil })
        let outcomes = targets.map { agentId in
            CoordinatorOutcomeRecord(
                commandId: id, agentId: agentId,
                status: (connected.contains(agentId) ? OutcomeStatus.pending : .offline).rawValue, resultJSON: nil,
                updatedAt: now)
        }
        let marked = self.creating.insert(id).inserted
        let created: Bool
        do {
            created = try await self.store.createCommand(
                CoordinatorCommandRecord(id: id, commandJSON: commandJSON, actor: actor, createdAt: now),
                outcomes: outcomes, keepingAtMost: self.limits.maxCommandsKept)
        } catch {
            if marked { self.creating.remove(id) }
            self.logger.error("coordinator.command.saveFailed", metadata: ["command.id": "\(id)", "error": "\(error)"])
            throw ControlErrorBody(.failed, "the coordinator cannot record command \(id)")
        }
        // In one actor turn with dropping the mark: every target connected now gets the CMD from here, and a
        // connection made later finds the command committed and re-sends it itself (see `connect`).
        let receivers = created ? targets.filter { self.agents[$0]?.connection != nil } : []
        let channels = receivers.compactMap { self.agents[$0]?.connection?.channel }
        if marked { self.creating.remove(id) }
        guard created else {
            let existing = try self.outcome(commandId: id)
            guard existing.command == command else {
                throw ControlErrorBody(.conflict, "command id \(id) was already used for another command")
            }
            return existing
        }
        self.logger.info(
            "coordinator.command.dispatched",
            metadata: [
                "command.id": "\(id)", "command.action": "\(command.action.rawValue)", "command.actor": "\(actor)",
                "command.agents": "\(targets.count)", "command.connected": "\(connected.count)",
            ])
        await self.collectAcks(
            id: id, line: ControlLine(.cmd, id: id, payload: commandJSON), to: channels,
            waitingFor: connected.union(receivers), timeout: timeout ?? self.defaultTimeout)
        let result = try self.outcome(commandId: id)
        for outcome in result.outcomes { self.metrics.record(action: command.action, status: outcome.status) }
        return result
    }

    /// Registered agents the selector picks, plus ids it names that the registry has never seen (they are
    /// recorded offline and get the command if they ever connect).
    private func targets(of selector: AgentSelector?) throws(ControlErrorBody) -> [String] {
        var targets = self.selected(selector).map(\.summary.agentId)
        let named = selector?.ids ?? []
        guard named.count <= self.limits.maxAgents else {
            throw ControlErrorBody(.malformed, "more than \(self.limits.maxAgents) agent ids")
        }
        var unknown: Set<String> = []
        for agentId in named where self.agents[agentId] == nil && unknown.insert(agentId).inserted {
            guard ControlLine.isValidId(agentId) else {
                throw ControlErrorBody(.malformed, "an agent id is 1–64 of A-Z a-z 0-9 - _ . :")
            }
            targets.append(agentId)
        }
        guard !targets.isEmpty else { throw ControlErrorBody(.notFound, "no agent matches the selector") }
        return targets.sorted()
    }

    /// Sends `line` on `channels` at once and waits until each agent of `agents` acked or `timeout` passed; the
    /// `pending` rest are committed `timedOut`.
    private func collectAcks(
        id: String, line: ControlLine, to channels: [ControlChannel], waitingFor agents: Set<String>,
        timeout: Duration
    ) async {
        guard !agents.isEmpty else { return }
        let (acks, continuation) = AsyncStream.makeStream(of: String.self)
        self.collectors[id] = continuation
        await Self.send(line, to: channels)
        let timer = Task {
            try? await Task.sleep(for: timeout)
            continuation.finish()
        }
        var waiting = agents
        for await agentId in acks {
            waiting.remove(agentId)
            if waiting.isEmpty { break }
        }
        timer.cancel()
        continuation.finish()
        self.collectors[id] = nil
        guard !waiting.isEmpty else { return }
        let now = Date()
        let timedOut = waiting.sorted().map {
            CoordinatorOutcomeRecord(
                commandId: id, agentId: $0, status: OutcomeStatus.timedOut.rawValue, resultJSON: nil, updatedAt: now)
        }
        do {
            _ = try await self.store.updateOutcomes(timedOut, whereStatusIn: [OutcomeStatus.pending.rawValue])
        } catch {
            self.logger.error("coordinator.outcome.saveFailed", metadata: ["command.id": "\(id)", "error": "\(error)"])
        }
        self.logger.warning(
            "coordinator.command.timedOut", metadata: ["command.id": "\(id)", "command.agents": "\(waiting.count)"])
    }

    /// Commits an agent's ack (unless its outcome is already finished) and, once committed, hands it to a
    /// waiting dispatch.
    func ackReceived(agentId: String, commandId: String, result: CommandResult, json: String) async {
        self.seen(agentId)
        let record = CoordinatorOutcomeRecord(
            commandId: commandId, agentId: agentId,
            status: (result.ok ? OutcomeStatus.succeeded : .failed).rawValue, resultJSON: json, updatedAt: Date())
        do {
            guard try await self.acks.commit(record) else {
                self.logger.debug(
                    "coordinator.ack.ignored", metadata: ["command.id": "\(commandId)", "agent.id": "\(agentId)"])
                return
            }
        } catch {
            self.logger.error("coordinator.outcome.saveFailed", metadata: ["command.id": "\(commandId)", "error": "\(error)"])
            return
        }
        self.collectors[commandId]?.yield(agentId)
    }

    /// The commands whose outcome for this agent is still unfinished (at most `limits.maxResentPerAgent`, oldest
    /// first), less those a dispatch is committing now (that dispatch sends them). Taken in the same actor turn as
    /// the agent's new connection is registered, so each command reaches the connection once: from here or from
    /// its dispatch.
    func unfinishedCommands(agentId: String) -> [CoordinatorCommandRecord] {
        do {
            return try self.store.commands(
                agentId: agentId, withOutcomeIn: Self.unfinished, limit: self.limits.maxResentPerAgent
            ).filter { !self.creating.contains($0.id) }
        } catch {
            self.logger.error("coordinator.resend.readFailed", metadata: ["agent.id": "\(agentId)", "error": "\(error)"])
            return []
        }
    }

    /// Re-sends `commands`, same ids, on `channel`; the agent answers each from its own record.
    func resend(_ commands: [CoordinatorCommandRecord], to agentId: String, on channel: ControlChannel) async {
        for command in commands {
            self.logger.info(
                "coordinator.command.resent", metadata: ["command.id": "\(command.id)", "agent.id": "\(agentId)"])
            await Self.send(ControlLine(.cmd, id: command.id, payload: command.commandJSON), to: [channel])
        }
    }

    /// The recorded outcomes of command `commandId`.
    func outcome(commandId: String) throws(ControlErrorBody) -> DispatchResult {
        let found: (command: CoordinatorCommandRecord, outcomes: [CoordinatorOutcomeRecord])?
        do {
            found = try self.store.command(id: commandId)
        } catch {
            throw ControlErrorBody(.failed, "the coordinator cannot read command \(commandId)")
        }
        guard let found else { throw ControlErrorBody(.notFound, "no command \(commandId)") }
        do {
            return DispatchResult(
                commandId: commandId, command: try ControlJSON.decode(AgentCommand.self, from: found.command.commandJSON),
                outcomes: try found.outcomes.map { record in
                    AgentOutcome(
                        agentId: record.agentId, status: OutcomeStatus(rawValue: record.status) ?? .pending,
                        result: try record.resultJSON.map { try ControlJSON.decode(CommandResult.self, from: $0) })
                })
        } catch {
            throw ControlErrorBody(.failed, "command \(commandId) is damaged in the coordinator's state file")
        }
    }

    /// Sends `line` on every channel concurrently; a failed send leaves the outcome unfinished (it is re-sent
    /// when the agent reconnects).
    private static func send(_ line: ControlLine, to channels: [ControlChannel]) async {
        await withTaskGroup(of: Void.self) { group in
            for channel in channels { group.addTask { try? await channel.send(line) } }
        }
    }
}
