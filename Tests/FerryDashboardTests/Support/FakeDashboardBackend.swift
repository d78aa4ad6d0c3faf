import ControlProtocol
import FerryDashboard
import Foundation
import MigrationEngine
import MigrationStore
import Synchronization
import TrafficMigration

/// A backend with canned agents and states that records every command it is sent.
final class FakeDashboardBackend: DashboardBackend {
    struct Dispatched: Sendable {
        var command: AgentCommand
        var selector: AgentSelector?
        var actor: String
    }

    let list: AgentList
    private let states: Mutex<AgentStates>
    private let log = Mutex<[Dispatched]>([])
    private let stream: AsyncStream<DashboardUpdate>
    let continuation: AsyncStream<DashboardUpdate>.Continuation

    init(agents: [AgentState]) {
        self.list = AgentList(
            agents: agents.map {
                AgentSummary(
                    agentId: $0.agentId, labels: $0.labels, cluster: $0.cluster, version: $0.version, connected: true,
                    lastSeen: $0.takenAt, address: "10.0.0.1:50000")
            })
        self.states = Mutex(AgentStates(agents: agents))
        (stream, continuation) = AsyncStream.makeStream(of: DashboardUpdate.self)
    }

    var dispatched: [Dispatched] { log.withLock { $0 } }

    func agents(_ selector: AgentSelector?) async throws -> AgentList { list }

    func status(_ selector: AgentSelector?) async throws -> AgentStates { states.withLock { $0 } }

    func replace(_ state: AgentState) {
        states.withLock { $0.agents = $0.agents.map { $0.agentId == state.agentId ? state : $0 } }
    }

    func dispatch(_ command: AgentCommand, to selector: AgentSelector?, timeout: Duration?, actor: String) async throws
        -> DispatchResult
    {
        log.withLock { $0.append(Dispatched(command: command, selector: selector, actor: actor)) }
        let agentId = selector?.ids?.first ?? "none"
        let topics = command.topics ?? []
        var result = CommandResult(ok: true, summary: "\(topics.count) topics")
        switch command.action {
        case .migrateAdvance where command.dryRun == true:
            // As the agent answers a dry run: the refused topics, and the routes (retry topics' too) the rest would get.
            result.topics = topics.filter { $0 == Fixtures.blockedTopic }.map {
                TopicOutcome(topic: $0, from: .initial, to: .initial, refused: "clientsSwitched: 2 clients on the source")
            }
            result.routes = topics.filter { $0 != Fixtures.blockedTopic }.flatMap {
                [RoutePreview(topic: $0, from: .initial, to: .dualRead, routeJSON: nil),
                 RoutePreview(topic: "%RETRY%\($0)_G", from: .initial, to: .dualRead, routeJSON: nil)]
            }
        case .migrateAdvance:
            result.topics = topics.map {
                $0 == Fixtures.blockedTopic
                    ? TopicOutcome(topic: $0, from: .initial, to: .initial, refused: "clientsSwitched: 2 clients on the source")
                    : TopicOutcome(topic: $0, from: .initial, to: .dualRead, refused: nil)
            }
        case .migratePreview:
            result.routes = topics.map { RoutePreview(topic: $0, from: .initial, to: .dualRead, routeJSON: #"{"brokerDatas":[]}"#) }
        case .migrateHistory:
            result.history = try topics.map { try Fixtures.auditEntry(topic: $0, actor: "alice") }
        default:
            break
        }
        return DispatchResult(
            commandId: "c-1", command: command,
            outcomes: [AgentOutcome(agentId: agentId, status: .succeeded, result: result)])
    }

    func updates() -> AsyncStream<DashboardUpdate> { stream }
}
