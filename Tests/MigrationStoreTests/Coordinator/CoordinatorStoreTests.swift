import Foundation
import MigrationStore
import Testing

@Suite struct CoordinatorStoreTests {
    private static let at = Date(timeIntervalSince1970: 1_800_000_000)

    private static func outcome(_ command: String, _ agent: String, _ status: String, result: String? = nil)
        -> CoordinatorOutcomeRecord
    {
        CoordinatorOutcomeRecord(commandId: command, agentId: agent, status: status, resultJSON: result, updatedAt: at)
    }

    @Test func agentsRoundTripAndReplaceByID() async throws {
        let store = CoordinatorStore(database: try MigrationDatabase.inMemory())
        var agent = CoordinatorAgentRecord(
            agentId: "hz-1", labels: ["env": "prod", "region": "hz"], cluster: "hz", version: "ferry-agent 0.3.0",
            lastSeen: Self.at, address: "10.0.0.1:5000", stateJSON: nil)
        try await store.saveAgent(agent)
        agent.stateJSON = #"{"agentId":"hz-1"}"#
        agent.address = "10.0.0.1:5001"
        try await store.saveAgent(agent)
        #expect(try store.agents() == [agent])
    }

    @Test func aCommandIsCommittedWithItsOutcomesAndAnIdIsUsedOnce() async throws {
        let store = CoordinatorStore(database: try MigrationDatabase.inMemory())
        let command = CoordinatorCommandRecord(id: "c-1", commandJSON: #"{"action":"migrate.advance"}"#, actor: "alice", createdAt: Self.at)
        #expect(try await store.createCommand(command, outcomes: [Self.outcome("c-1", "a", "pending"), Self.outcome("c-1", "b", "offline")], keepingAtMost: 10))
        let other = CoordinatorCommandRecord(id: "c-1", commandJSON: "{}", actor: "bob", createdAt: Self.at)
        #expect(try await store.createCommand(other, outcomes: [Self.outcome("c-1", "z", "pending")], keepingAtMost: 10) == false)
        let found = try #require(try store.command(id: "c-1"))
        #expect(found.command == command)
        #expect(found.outcomes.map(\.agentId) == ["a", "b"])
        #expect(try store.command(id: "c-2") == nil)
    }

    @Test func anOutcomeIsOnlyWrittenFromAnAllowedStatus() async throws {
        let store = CoordinatorStore(database: try MigrationDatabase.inMemory())
        let command = CoordinatorCommandRecord(id: "c-1", commandJSON: "{}", actor: "alice", createdAt: Self.at)
        _ = try await store.createCommand(command, outcomes: [Self.outcome("c-1", "a", "pending")], keepingAtMost: 10)
        let done = Self.outcome("c-1", "a", "succeeded", result: #"{"ok":true}"#)
        #expect(try await store.updateOutcomes([done], whereStatusIn: ["pending"]) == [done])
        let late = Self.outcome("c-1", "a", "timedOut")
        #expect(try await store.updateOutcomes([late], whereStatusIn: ["pending"]).isEmpty)
        #expect(try store.command(id: "c-1")?.outcomes == [done])
    }

    @Test func unfinishedCommandsOfAnAgentOldestFirstAndBounded() async throws {
        let store = CoordinatorStore(database: try MigrationDatabase.inMemory())
        for index in 1...3 {
            let command = CoordinatorCommandRecord(
                id: "c-\(index)", commandJSON: "{}", actor: "alice", createdAt: Self.at.addingTimeInterval(Double(index)))
            let status = index == 2 ? "succeeded" : "timedOut"
            _ = try await store.createCommand(command, outcomes: [Self.outcome(command.id, "a", status)], keepingAtMost: 10)
        }
        #expect(try store.commands(agentId: "a", withOutcomeIn: ["timedOut", "pending"], limit: 10).map(\.id) == ["c-1", "c-3"])
        #expect(try store.commands(agentId: "a", withOutcomeIn: ["timedOut"], limit: 1).map(\.id) == ["c-1"])
        #expect(try store.commands(agentId: "b", withOutcomeIn: ["timedOut"], limit: 10).isEmpty)
    }

    @Test func theOldestCommandsGoPastTheCap() async throws {
        let store = CoordinatorStore(database: try MigrationDatabase.inMemory())
        for index in 1...5 {
            let command = CoordinatorCommandRecord(
                id: "c-\(index)", commandJSON: "{}", actor: "alice", createdAt: Self.at.addingTimeInterval(Double(index)))
            _ = try await store.createCommand(command, outcomes: [Self.outcome(command.id, "a", "pending")], keepingAtMost: 3)
        }
        #expect(try store.command(id: "c-2") == nil)
        #expect(try store.command(id: "c-3") != nil)
        #expect(try store.commands(agentId: "a", withOutcomeIn: ["pending"], limit: 10).map(\.id) == ["c-3", "c-4", "c-5"])
    }
}
