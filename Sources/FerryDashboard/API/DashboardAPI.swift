import ControlProtocol
import Foundation
import MigrationEngine
import TrafficMigration

/// The dashboard's reads and actions, independent of HTTP: joins the backend's answers into the page's shapes.
struct DashboardAPI: Sendable {
    let backend: any DashboardBackend
    let history: TrafficHistory
    let commandTimeout: Duration?

    /// Every agent with its health.
    func agents() async throws -> AgentHealthList {
        async let list = backend.agents(nil)
        async let states = backend.status(nil)
        let byId = try await Dictionary(states.agents.map { ($0.agentId, $0) }, uniquingKeysWith: { first, _ in first })
        let agents = try await list.agents.sorted { $0.agentId < $1.agentId }.map {
            AgentHealth(summary: $0, state: byId[$0.agentId])
        }
        return AgentHealthList(agents: agents)
    }

    /// Every task any agent holds.
    func tasks() async throws -> TaskList {
        let states = try await backend.status(nil)
        states.agents.forEach(history.record)
        return TaskList(tasks: TaskSummary.all(in: states))
    }

    /// One page of a task's topic table; nil when no agent holds the task. Rows outside the page cost a count, not
    /// a row (no readiness join, no sparkline copy).
    func taskPage(_ task: String, query: TaskPageQuery = TaskPageQuery()) async throws -> TaskPage? {
        let states = try await backend.status(nil)
        var rows: [TopicRow] = []
        var stageCounts = Array(repeating: 0, count: MigrationStage.allCases.count)
        var total = 0
        var found = false
        for agent in states.agents.sorted(by: { $0.agentId < $1.agentId }) {
            history.record(agent)
            for taskState in agent.tasks where taskState.status.task == task {
                found = true
                var readiness: [String: ReadinessReport]?
                for row in taskState.status.topics where query.matches(agentId: agent.agentId, topic: row.topic) {
                    if stageCounts.indices.contains(row.stageNumber) { stageCounts[row.stageNumber] += 1 }
                    defer { total += 1 }
                    guard query.includes(total) else { continue }
                    let reports = readiness ?? Self.readinessByTopic(taskState)
                    readiness = reports
                    let traffic = history.series(agentId: agent.agentId, task: task, topic: row.topic)
                    rows.append(TopicRow(agentId: agent.agentId, row: row, readiness: reports[row.topic], traffic: traffic))
                }
            }
        }
        guard found else { return nil }
        return TaskPage(
            task: task, generatedAt: Date(), total: total, offset: query.offset, limit: query.limit,
            stageCounts: stageCounts, topics: rows)
    }

    /// One topic's row of a task, wherever it falls in the paged table.
    private func row(task: String, topic: String, agentId: String) async throws -> TopicRow? {
        let states = try await backend.status(AgentSelector(ids: [agentId]))
        for agent in states.agents where agent.agentId == agentId {
            history.record(agent)
            for taskState in agent.tasks where taskState.status.task == task {
                guard let row = taskState.status.topics.first(where: { $0.topic == topic }) else { continue }
                let traffic = history.series(agentId: agentId, task: task, topic: topic)
                return TopicRow(agentId: agentId, row: row, readiness: Self.readinessByTopic(taskState)[topic], traffic: traffic)
            }
        }
        return nil
    }

    private static func readinessByTopic(_ taskState: AgentTaskState) -> [String: ReadinessReport] {
        Dictionary(taskState.readiness.map { ($0.topic, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One topic's page: its row, its checks, the routes of both possible steps and its audit rows.
    func topicDetail(task: String, topic: String, agentId: String, actor: String) async throws -> TopicDetail {
        let selector = AgentSelector(ids: [agentId])
        async let topicRow = self.row(task: task, topic: topic, agentId: agentId)
        async let forward = run(.migratePreview, task: task, topic: topic, selector: selector, actor: actor, options: nil)
        async let backward = run(
            .migratePreview, task: task, topic: topic, selector: selector, actor: actor, options: ["direction": "rollback"])
        async let audit = run(.migrateHistory, task: task, topic: topic, selector: selector, actor: actor, options: nil)
        async let check = run(.migrateCheck, task: task, topic: topic, selector: selector, actor: actor, options: nil)
        let results = try await (forward, backward, audit, check, topicRow)
        return TopicDetail(
            agentId: agentId, task: task, topic: topic,
            row: results.4,
            checks: results.3.result?.readiness?.first { $0.topic == topic }?.checks ?? [],
            advanceRoutes: results.0.result?.routes ?? [], rollbackRoutes: results.1.result?.routes ?? [],
            history: results.2.result?.history ?? [],
            problems: [results.0, results.1, results.2, results.3].compactMap(\.problem))
    }

    /// Runs a batch: one command per agent, concurrently, as `actor`.
    func batch(_ request: BatchRequest, actor: String) async throws -> BatchResult {
        var topicsByAgent: [String: [String]] = [:]
        for ref in request.topics { topicsByAgent[ref.agentId, default: []].append(ref.topic) }
        let command = AgentCommand(
            action: request.action.agentAction, task: request.task, reason: request.reason, actor: actor,
            ignoreHealth: request.ignoreHealth, dryRun: request.action == .check ? nil : request.dryRun)
        let outcomes = try await withThrowingTaskGroup(of: AgentOutcome.self) { group in
            for (agentId, topics) in topicsByAgent {
                var perAgentCommand = command
                perAgentCommand.topics = topics
                let perAgent = perAgentCommand
                group.addTask {
                    let result = try await backend.dispatch(
                        perAgent, to: AgentSelector(ids: [agentId]), timeout: commandTimeout, actor: actor)
                    return result.outcomes.first { $0.agentId == agentId }
                        ?? AgentOutcome(agentId: agentId, status: .offline, result: nil)
                }
            }
            var collected: [AgentOutcome] = []
            for try await outcome in group { collected.append(outcome) }
            return collected.sorted { $0.agentId < $1.agentId }
        }
        return BatchResult(
            task: request.task, action: request.action, dryRun: request.action == .check ? true : request.dryRun, actor: actor,
            topics: outcomes.flatMap { Self.topicOutcomes($0, requested: Set(topicsByAgent[$0.agentId] ?? [])) },
            agents: outcomes.map(Self.agentOutcome))
    }

    private func run(
        _ action: AgentAction, task: String, topic: String, selector: AgentSelector, actor: String,
        options: [String: String]?
    ) async throws -> AgentAnswer {
        let command = AgentCommand(action: action, task: task, topics: [topic], actor: actor, dryRun: true, options: options)
        let dispatched = try await backend.dispatch(command, to: selector, timeout: commandTimeout, actor: actor)
        return AgentAnswer(action: action, outcome: dispatched.outcomes.first)
    }

    /// The rows of one agent's answer: its topic outcomes, then (a check) its readiness reports, then (a dry run,
    /// which lists only the refused topics) the requested topics its route previews would move.
    private static func topicOutcomes(_ outcome: AgentOutcome, requested: Set<String>) -> [BatchTopicOutcome] {
        guard let result = outcome.result else { return [] }
        let reasons = Dictionary(
            (result.readiness ?? []).map { ($0.topic, $0.reasons) }, uniquingKeysWith: { first, _ in first })
        var rows = result.topics.map {
            BatchTopicOutcome(
                agentId: outcome.agentId, topic: $0.topic, from: $0.from, to: $0.to, refused: $0.refused,
                reasons: reasons[$0.topic] ?? [])
        }
        // A check answers with readiness reports only.
        let listed = Set(rows.map(\.topic))
        for report in result.readiness ?? [] where !listed.contains(report.topic) {
            rows.append(
                BatchTopicOutcome(
                    agentId: outcome.agentId, topic: report.topic, from: report.stage, to: report.nextStage,
                    refused: report.ready ? nil : "not ready", reasons: report.reasons))
        }
        var previewed = Set(rows.map(\.topic))
        for route in result.routes ?? [] where requested.contains(route.topic) && !previewed.contains(route.topic) {
            previewed.insert(route.topic)
            rows.append(
                BatchTopicOutcome(
                    agentId: outcome.agentId, topic: route.topic, from: route.from, to: route.to, refused: nil, reasons: []))
        }
        return rows.sorted { $0.topic < $1.topic }
    }

    private static func agentOutcome(_ outcome: AgentOutcome) -> BatchAgentOutcome {
        BatchAgentOutcome(
            agentId: outcome.agentId, status: outcome.status, summary: outcome.result?.summary,
            error: outcome.result?.error?.message ?? AgentAnswer.statusProblem(outcome.status))
    }
}

/// One agent's answer to a read the topic page makes.
private struct AgentAnswer: Sendable {
    var action: AgentAction
    var outcome: AgentOutcome?

    var result: CommandResult? { outcome?.result }

    /// What went wrong, for the page, or nil.
    var problem: String? {
        guard let outcome else { return "\(action.rawValue): the agent is not known" }
        if let error = outcome.result?.error { return "\(action.rawValue): \(error.message)" }
        return Self.statusProblem(outcome.status).map { "\(action.rawValue): \($0)" }
    }

    static func statusProblem(_ status: OutcomeStatus) -> String? {
        switch status {
        case .succeeded, .failed: nil
        case .pending: "no answer yet"
        case .timedOut: "the agent did not answer in time"
        case .offline: "the agent is not connected"
        }
    }
}
