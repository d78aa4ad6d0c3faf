import ControlProtocol
import Foundation
import MigrationEngine
import RocketMQRemoting
import Testing
import TrafficMigration

/// Issue 10's fleet evidence with real processes: a `ferry-coordinator` and three `ferry-agent`s (each beside its
/// own sandbox source cluster, one shared target) migrate in one batch command per step. The coordinator is
/// killed with SIGKILL while a batch waits for an ack and restarted on the same state: the acks committed before
/// stay as they were and the batch completes, each agent running the step exactly once. An agent is killed with
/// SIGKILL mid-migration and restarted: it comes back at its persisted stage, its proxy serves the same routes,
/// and the coordinator shows it connected with that stage. Then every topic goes on to Completed.
@Suite(.serialized, .timeLimit(.minutes(5))) struct MultiAgentKillNineTests {
    static let topics = ["Orders", "Payments"]
    static let built = SpawnedDaemon.isBuilt("ferry-coordinator") && SpawnedDaemon.isBuilt("ferry-agent")
    static let everyAgent = AgentSelector(labels: ["fleet": "multi"])
    static let advance = AgentCommand(
        action: .migrateAdvance, task: MultiAgentFleet.task, all: true, reason: "fleet test", ignoreHealth: true)
    /// Waits for what other processes must do; generous, since a loaded 2-core machine starts daemons slowly.
    static let patience: Duration = .seconds(60)

    @Test(.enabled(if: built, "ferry-coordinator and ferry-agent are not built next to the tests"))
    func aBatchSurvivesACoordinatorKillAndAKilledAgentComesBackAtItsStage() async throws {
        try await MultiAgentFleet.with(topics: Self.topics) { fleet in
            try await fleet.startCoordinator()
            for index in 1...MultiAgentFleet.agents { try await fleet.startAgent(index) }
            var client = try await fleet.operatorClient()
            #expect(await Self.allConnected(client, atStage: nil), "three agents dial in and report")
            let created = try await client.dispatch(
                AgentCommand(action: .migrateCreate, task: MultiAgentFleet.task, topics: Self.topics),
                to: Self.everyAgent, timeout: .seconds(60), commandId: "create-1")
            try #require(created.outcomes.map(\.status) == [.succeeded, .succeeded, .succeeded], "\(created)")

            client = try await Self.killTheCoordinatorMidBatch(fleet, client: client)
            try await Self.killAnAgentMidMigration(fleet, client: client)

            for (number, stage) in [(3, MigrationStage.cuttingOver), (4, .completed)] {
                let step = try await client.dispatch(
                    Self.advance, to: Self.everyAgent, timeout: .seconds(60), commandId: "advance-\(number)")
                #expect(step.outcomes.map(\.status) == [.succeeded, .succeeded, .succeeded], "\(step)")
                #expect(step.outcomes.allSatisfy { $0.result?.topics.map(\.to) == [stage, stage] }, "\(step)")
                for index in 1...MultiAgentFleet.agents {
                    #expect(try await fleet.persistedStages(index) == [stage, stage], "agent-\(index)")
                }
            }
            for index in 1...MultiAgentFleet.agents {
                #expect(
                    await eventually(timeout: Self.patience) {
                        try await fleet.routeThroughProxy("Orders", agent: index)?.shape == ["broker-t:6"]
                    }, "agent-\(index)'s proxy serves the target only")
                #expect(try await fleet.committedAdvances(index) == ["Orders": 4, "Payments": 4], "agent-\(index)")
            }
            #expect(await Self.allConnected(client, atStage: 4), "the coordinator shows every agent Completed")
            for name in ["coordinator", "agent-1", "agent-2", "agent-3"] {
                #expect(await fleet.isRunning(name), "\(name) kept running")
            }
            await client.close()
        }
    }

    /// Agent 3 is stopped (SIGSTOP) so its ack cannot come; the batch is dispatched; once the coordinator's
    /// state holds the two other acks and agent 3's outcome pending, the coordinator gets SIGKILL, agent 3
    /// SIGCONT, and the coordinator starts again on the same port and state directory.
    static func killTheCoordinatorMidBatch(_ fleet: MultiAgentFleet, client: OperatorClient) async throws
        -> OperatorClient
    {
        try await fleet.signal("agent-3", SIGSTOP)
        let batch = Task {
            try await client.dispatch(Self.advance, to: Self.everyAgent, timeout: .seconds(120), commandId: "advance-1")
        }
        let observer = try await fleet.operatorClient()
        var before: DispatchResult?
        let inFlight = await eventually(timeout: Self.patience) {
            before = try await observer.outcome(commandId: "advance-1")
            return before?.outcomes.map(\.status) == [.succeeded, .succeeded, .pending]
        }
        try await fleet.signal("coordinator", SIGKILL)
        try await fleet.signal("agent-3", SIGCONT)
        let recorded = try #require(before, "the coordinator recorded the batch")
        try #require(inFlight, "two acks in and one pending before the kill: \(recorded)")
        #expect(await (try? batch.value) == nil, "the dispatch died with its coordinator")
        await observer.close()
        await client.close()

        try await fleet.startCoordinator()
        let restarted = try await fleet.operatorClient()
        let kept = try await restarted.outcome(commandId: "advance-1")
        #expect(kept.command == recorded.command)
        #expect(Array(kept.outcomes.prefix(2)) == Array(recorded.outcomes.prefix(2)), "committed acks intact")
        var finished: DispatchResult?
        #expect(
            await eventually(timeout: Self.patience) {
                finished = try await restarted.outcome(commandId: "advance-1")
                return finished?.outcomes.allSatisfy { $0.status == .succeeded } == true
            }, "the batch completes after the restart: \(String(describing: finished))")
        let outcomes = try #require(finished).outcomes
        #expect(Array(outcomes.prefix(2)) == Array(recorded.outcomes.prefix(2)))
        #expect(outcomes.allSatisfy { $0.result?.topics.map(\.to) == [.dualRead, .dualRead] }, "\(outcomes)")
        for index in 1...MultiAgentFleet.agents {
            #expect(try await fleet.persistedStages(index) == [.dualRead, .dualRead], "agent-\(index)")
            #expect(try await fleet.committedAdvances(index) == ["Orders": 1, "Payments": 1], "agent-\(index) ran it once")
        }
        #expect(await Self.allConnected(restarted, atStage: 1), "all three back on the new coordinator at stage 1")
        return restarted
    }

    /// One more batch step (every topic at Dual read/write), then agent 2 gets SIGKILL and starts again.
    static func killAnAgentMidMigration(_ fleet: MultiAgentFleet, client: OperatorClient) async throws {
        let step = try await client.dispatch(Self.advance, to: Self.everyAgent, timeout: .seconds(60), commandId: "advance-2")
        #expect(step.outcomes.map(\.status) == [.succeeded, .succeeded, .succeeded], "\(step)")
        #expect(
            await eventually(timeout: Self.patience) {
                try await fleet.routeThroughProxy("Orders", agent: 2)?.shape == ["broker-s2:6", "broker-t:6"]
            }, "agent-2's proxy serves Dual read/write")
        let route = try #require(try await fleet.routeThroughProxy("Orders", agent: 2))

        try await fleet.signal("agent-2", SIGKILL)
        let killedAt = Date()
        #expect(
            await eventually(timeout: Self.patience) {
                try await client.agents(AgentSelector(ids: ["agent-2"])).agents.first?.connected == false
            }, "the coordinator sees agent-2 leave")
        #expect(try await fleet.persistedStages(2) == [.dualReadWrite, .dualReadWrite])
        try await fleet.startAgent(2)
        var served: TopicRouteData?
        #expect(
            await eventually(timeout: Self.patience) {
                served = try await fleet.routeThroughProxy("Orders", agent: 2)
                return served != nil
            }, "the restarted agent's proxy answers on the same port")
        #expect(served?.shape == route.shape)
        #expect(served?.brokerDatas.map(\.brokerName).sorted() == route.brokerDatas.map(\.brokerName).sorted())
        #expect(try await fleet.persistedStages(2) == [.dualReadWrite, .dualReadWrite])
        #expect(
            await eventually(timeout: Self.patience) {
                let listed = try await client.agents(AgentSelector(ids: ["agent-2"])).agents.first
                let state = try await client.status(AgentSelector(ids: ["agent-2"])).agents.first
                return listed?.connected == true && state.map { $0.takenAt > killedAt } == true
                    && state?.tasks.first?.status.topics.map(\.stageNumber) == [2, 2]
            }, "the coordinator shows agent-2 connected again at stage 2")
    }

    /// Whether, within ``patience``, every agent is connected and reports every topic at `stage` (no task at
    /// all when nil).
    static func allConnected(_ client: OperatorClient, atStage stage: Int?) async -> Bool {
        let expected = stage.map { Array(repeating: $0, count: Self.topics.count) } ?? []
        return await eventually(timeout: Self.patience) {
            let listed = try await client.agents(Self.everyAgent).agents
            let states = try await client.status(Self.everyAgent).agents
            return listed.count == MultiAgentFleet.agents && listed.allSatisfy(\.connected)
                && states.count == MultiAgentFleet.agents
                && states.allSatisfy { $0.tasks.flatMap { $0.status.topics.map(\.stageNumber) } == expected }
        }
    }
}
