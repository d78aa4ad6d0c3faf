import ControlProtocol
import FerryAgent
import Foundation
import MigrationEngine
import MigrationStore
import RocketMQRemoting
import ServiceLifecycleTestKit
import Testing
import TrafficMigration

/// The agent alone (no coordinator configured: fail-static by construction) against sandbox clusters.
@Suite(.timeLimit(.minutes(3))) struct AgentServiceTests {
    static let create = AgentCommand(action: .migrateCreate, task: "task", topics: ["Orders"])
    static let advance = AgentCommand(
        action: .migrateAdvance, task: "task", topics: ["Orders"], reason: "test", actor: "ops@test", ignoreHealth: true)

    static func moved(_ reply: AgentCommandExecutor.Reply) -> [TopicOutcome] {
        guard case .ack(let result) = reply else { return [] }
        return result.topics.filter { $0.refused == nil }
    }

    @Test func aCommandAdvancesATopicTheProxyServesItAndTheSameIdDoesNotMoveItTwice() async throws {
        try await AgentSandbox.with(topics: ["Orders"]) { sandbox in
            let service = try FerryAgentService(configuration: sandbox.configuration(), logger: AgentSandbox.logger)
            let running = Task { try await service.run() }
            defer { running.cancel() }
            let port = await service.proxyPort
            #expect(port > 0)
            // Before any task the proxy passes the source's routes through.
            #expect(try await sandbox.routeThroughProxy("Orders", port: port)?.shape == ["broker-a:6"])
            guard case .ack(let created) = await service.execute(id: "c-1", command: Self.create) else {
                Issue.record("create was not acked")
                return
            }
            #expect(created.ok, "\(created)")
            let first = await service.execute(id: "c-2", command: Self.advance)
            #expect(Self.moved(first).map { "\($0.topic) \($0.from.map { "\($0)" } ?? "") \($0.to.map { "\($0)" } ?? "")" }
                == ["Orders initial dual-read"], "\(first)")
            #expect(await eventually { try await sandbox.routeThroughProxy("Orders", port: port)?.shape == ["broker-a:6", "broker-t:4"] })
            let again = await service.execute(id: "c-2", command: Self.advance)
            #expect(again == first)
            let store = TrafficStore(database: try MigrationDatabase(path: sandbox.configuration().statePath))
            #expect(try store.task(named: "task")?.topics.map(\.stage) == [.dualRead])
            #expect(try store.history(task: "task").filter { $0.action == .advance }.count == 1)
        }
    }

    @Test func anAgentKilledAndStartedAgainOnItsStateServesTheSameStage() async throws {
        try await AgentSandbox.with(topics: ["Orders"]) { sandbox in
            let first = try FerryAgentService(configuration: sandbox.configuration(), logger: AgentSandbox.logger)
            let running = Task { try await first.run() }
            let port = await first.proxyPort
            _ = await first.execute(id: "c-1", command: Self.create)
            _ = await first.execute(id: "c-2", command: Self.advance)
            _ = await first.execute(id: "c-3", command: Self.advance)
            let expected = ["broker-a:6", "broker-t:6"]
            #expect(await eventually { try await sandbox.routeThroughProxy("Orders", port: port)?.shape == expected })
            // No graceful shutdown: the task is cancelled as a kill would stop it.
            running.cancel()
            _ = try? await running.value
            let second = try FerryAgentService(configuration: sandbox.configuration(), logger: AgentSandbox.logger)
            let restarted = Task { try await second.run() }
            defer { restarted.cancel() }
            let newPort = await second.proxyPort
            #expect(try await sandbox.routeThroughProxy("Orders", port: newPort)?.shape == expected)
            // The recorded commands answer from the record after the restart.
            guard case .ack(let result) = await second.execute(id: "c-3", command: Self.advance) else {
                Issue.record("c-3 was not answered from the record")
                return
            }
            #expect(result.topics.first?.to == .dualReadWrite)
            #expect(await eventually { await second.state?.tasks.first?.status.topics.first?.stageNumber == 2 })
            // The status carries each group's progress per side from the readiness pass (empty without groups).
            #expect(await eventually { await second.state?.tasks.first?.status.topics.first?.consumerGroups != nil })
        }
    }

    @Test func gracefulShutdownStopsTheAgentAndFreesItsPort() async throws {
        try await AgentSandbox.with(topics: []) { sandbox in
            let service = try FerryAgentService(configuration: sandbox.configuration(), logger: AgentSandbox.logger)
            try await testGracefulShutdown { trigger in
                let running = Task { try await service.run() }
                let port = await service.proxyPort
                #expect(port > 0)
                trigger.triggerGracefulShutdown()
                try await running.value
                #expect(await service.execute(id: "late", command: Self.create) == .error(ControlErrorBody(.unavailable, "the agent is not running")))
            }
        }
    }
}
