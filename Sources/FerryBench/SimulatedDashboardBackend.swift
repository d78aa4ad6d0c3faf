import ControlProtocol
import FerryDashboard
import Foundation
import MigrationEngine
import MigrationStore
import Synchronization
import TrafficMigration

/// A dashboard backend with simulated agents, for the dashboard benchmark and the headless-browser check: every
/// agent holds one task of `topicsPerAgent` topics; every tenth topic fails `clientsSwitched` (an advance of it is
/// refused unless the readiness checks are overridden); advances and rollbacks really move stages and are audited.
final class SimulatedDashboardBackend: DashboardBackend {
    private struct Topic {
        var row: TrafficStatusRow
        var blocked: Bool
        var audit: [TrafficAuditEntry] = []
    }

    private struct Agent {
        var id: String
        var takenAt: Date
        var topics: [Topic]
    }

    static let task = "orders"
    private let agents: Mutex<[Agent]>
    private let auditTemplate: TrafficAuditEntry
    private let statusTemplate: TrafficStatus
    private let continuation: AsyncStream<DashboardUpdate>.Continuation
    private let stream: AsyncStream<DashboardUpdate>

    init(agents agentCount: Int, topicsPerAgent: Int) throws {
        let rowTemplate = try Self.decode(TrafficStatusRow.self, #"""
            {"topic":"T","stage":"initial","stageNumber":0,"ordered":false,"groups":["G"],"stageChangedAt":0,
             "source":{"producers":true,"consumers":true,"messagesSinceStageChange":0},
             "target":{"producers":false,"consumers":false,"messagesSinceStageChange":0},
             "clients":{"onProxy":2,"onSourceOnly":0}}
            """#)
        self.statusTemplate = try Self.decode(TrafficStatus.self, #"""
            {"task":"orders","sourceNameServers":["127.0.0.1:9876"],"targetNameServers":["127.0.0.1:19876"],
             "quietPeriodSeconds":60,"topics":[]}
            """#)
        self.auditTemplate = try Self.decode(TrafficAuditEntry.self, #"""
            {"id":0,"taskName":"orders","action":"advance","outcome":"committed","actor":"","overrides":[],"at":0}
            """#)
        let now = Date()
        self.agents = Mutex((1...max(1, agentCount)).map { index in
            Agent(
                id: "agent-\(index)", takenAt: now,
                topics: (0..<topicsPerAgent).map { number in
                    var row = rowTemplate
                    row.topic = String(format: "Orders%05d", number)
                    row.groups = ["\(row.topic)_CG"]
                    row.stageChangedAt = now
                    let blocked = number % 10 == 3
                    if blocked { row.clients = TopicClients(onProxy: 1, onSourceOnly: 2) }
                    return Topic(row: row, blocked: blocked)
                })
        })
        (stream, continuation) = AsyncStream.makeStream(of: DashboardUpdate.self, bufferingPolicy: .bufferingNewest(256))
    }

    func agents(_ selector: AgentSelector?) async throws -> AgentList {
        AgentList(
            agents: agents.withLock { agents in
                agents.map {
                    AgentSummary(
                        agentId: $0.id, labels: ["env": "demo"], cluster: "cluster-\($0.id)", version: "ferry-agent sim",
                        connected: true, lastSeen: $0.takenAt, address: "127.0.0.1:0")
                }
            })
    }

    func status(_ selector: AgentSelector?) async throws -> AgentStates {
        AgentStates(agents: agents.withLock { $0.map(self.state) })
    }

    func updates() -> AsyncStream<DashboardUpdate> { stream }

    /// Writes some messages on every topic (to the side its stage writes to) and sends every agent's new state.
    func tick() {
        let states = agents.withLock { agents in
            for agentIndex in agents.indices {
                agents[agentIndex].takenAt = Date()
                for topicIndex in agents[agentIndex].topics.indices {
                    var row = agents[agentIndex].topics[topicIndex].row
                    let written = Int64((topicIndex * 7 + Int(Date().timeIntervalSince1970)) % 13 + 1)
                    if row.source.producers { row.source.messagesSinceStageChange = (row.source.messagesSinceStageChange ?? 0) + written }
                    if row.target.producers { row.target.messagesSinceStageChange = (row.target.messagesSinceStageChange ?? 0) + written }
                    agents[agentIndex].topics[topicIndex].row = row
                }
            }
            return agents.map(self.state)
        }
        for state in states { continuation.yield(.state(state)) }
    }

    func dispatch(_ command: AgentCommand, to selector: AgentSelector?, timeout: Duration?, actor: String) async throws
        -> DispatchResult
    {
        let agentId = selector?.ids?.first ?? ""
        let names = Set(command.topics ?? [])
        let (result, state) = agents.withLock { agents -> (CommandResult, AgentState?) in
            guard let index = agents.firstIndex(where: { $0.id == agentId }) else {
                return (CommandResult(ok: false, summary: "unknown agent", error: ControlErrorBody(.notFound, "no agent \(agentId)")), nil)
            }
            let result = run(command, actor: actor, names: names, agent: &agents[index])
            let changed = command.dryRun != true && [.migrateAdvance, .migrateRollback].contains(command.action)
            if changed { agents[index].takenAt = Date() }
            return (result, changed ? self.state(agents[index]) : nil)
        }
        if let state {
            continuation.yield(.state(state))
            continuation.yield(
                .event(
                    AgentEvent(
                        agentId: agentId, kind: .stageChanged, task: Self.task, topic: nil, message: result.summary,
                        at: Date())))
        }
        return DispatchResult(
            commandId: UUID().uuidString, command: command,
            outcomes: [AgentOutcome(agentId: agentId, status: result.ok ? .succeeded : .failed, result: result)])
    }

    private func run(_ command: AgentCommand, actor: String, names: Set<String>, agent: inout Agent) -> CommandResult {
        var outcomes: [TopicOutcome] = []
        var reports: [ReadinessReport] = []
        var routes: [RoutePreview] = []
        var history: [TrafficAuditEntry] = []
        for index in agent.topics.indices where names.contains(agent.topics[index].row.topic) {
            var topic = agent.topics[index]
            let stage = MigrationStage(rawValue: topic.row.stageNumber) ?? .initial
            switch command.action {
            case .migrateAdvance, .migrateRollback:
                let forward = command.action == .migrateAdvance
                let next = forward ? stage.next : stage.previous
                let refusal: String? =
                    next == nil ? "no stage \(forward ? "after" : "before") \(stage)"
                    : forward && topic.blocked && command.ignoreHealth != true ? "clientsSwitched: 2 clients still on the source" : nil
                outcomes.append(TopicOutcome(topic: topic.row.topic, from: stage, to: refusal == nil ? next : stage, refused: refusal))
                if let next, refusal == nil, command.dryRun != true {
                    topic.row.stage = next.description
                    topic.row.stageNumber = next.rawValue
                    topic.row.stageChangedAt = Date()
                    topic.row.source = TrafficSideStatus(producers: next.producerSides.contains(.source), consumers: next.consumerSides.contains(.source), messagesSinceStageChange: 0, unavailableReason: nil)
                    topic.row.target = TrafficSideStatus(producers: next.producerSides.contains(.target), consumers: next.consumerSides.contains(.target), messagesSinceStageChange: 0, unavailableReason: nil)
                    var entry = auditTemplate
                    entry.id = Int64(topic.audit.count + 1)
                    entry.topic = topic.row.topic
                    entry.action = forward ? .advance : .rollback
                    entry.fromStage = stage
                    entry.toStage = next
                    entry.actor = actor
                    entry.reason = command.reason
                    entry.overrides = command.ignoreHealth == true ? ["clientsSwitched"] : []
                    entry.at = Date()
                    topic.audit.append(entry)
                }
            case .migrateCheck:
                reports.append(Self.readiness(topic))
            case .migratePreview:
                let to = command.options?["direction"] == "rollback" ? stage.previous : stage.next
                if let to {
                    routes.append(RoutePreview(topic: topic.row.topic, from: stage, to: to, routeJSON: Self.route(agent.id, to)))
                }
            case .migrateHistory:
                history += topic.audit
            default:
                break
            }
            agent.topics[index] = topic
        }
        let refused = outcomes.filter { $0.refused != nil }.count
        return CommandResult(
            ok: refused == 0, summary: "\(outcomes.count - refused) moved, \(refused) refused", topics: outcomes,
            readiness: command.action == .migrateCheck ? reports : nil, routes: routes, history: history)
    }

    private func state(_ agent: Agent) -> AgentState {
        let rows = agent.topics.map(\.row)
        var status = statusTemplate
        status.topics = rows
        return AgentState(
            agentId: agent.id, labels: ["env": "demo"], cluster: "cluster-\(agent.id)", version: "ferry-agent sim",
            takenAt: agent.takenAt,
            proxy: ProxyState(listen: "127.0.0.1:9876", sourceReachable: true, targetReachable: true, cachedTopics: rows.count, warning: ""),
            tasks: [AgentTaskState(status: status, readiness: agent.topics.map(Self.readiness))])
    }

    private static func readiness(_ topic: Topic) -> ReadinessReport {
        let stage = MigrationStage(rawValue: topic.row.stageNumber) ?? .initial
        let switched = ReadinessCheckResult(
            name: "clientsSwitched", ok: !topic.blocked,
            reason: topic.blocked ? "2 clients still on the source" : "every client is on the proxy")
        return ReadinessReport(
            topic: topic.row.topic, stage: stage, nextStage: stage.next, effect: nil,
            checks: [ReadinessCheckResult(name: "targetReachable", ok: true, reason: "the target answers"), switched])
    }

    private static func route(_ agentId: String, _ stage: MigrationStage) -> String {
        let brokers = stage.producerSides.union(stage.consumerSides).map { "\"\($0)-\(agentId)\"" }.sorted()
        return #"{"brokerDatas":[\#(brokers.map { "{\"brokerName\":\($0)}" }.joined(separator: ","))],"queueDatas":[]}"#
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }
}

