import ControlProtocol
import FerryCoordinator
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct CoordinatorServiceTests {
    private static let advance = AgentCommand(action: .migrateAdvance, task: "move", all: true, actor: "forged")

    @Test func oneBatchReachesThreeAgentsAndCollectsThreeAcks() async throws {
        let harness = try await CoordinatorHarness.start()
        defer { harness.remove() }
        var agents: [FakeAgent] = []
        for id in ["hz-1", "hz-2", "sh-1"] {
            agents.append(try await FakeAgent.connect(harness, id: id, cluster: String(id.prefix(2)), labels: ["env": "prod"]))
        }
        let other = try await FakeAgent.connect(harness, id: "test-1", labels: ["env": "test"])
        #expect(try await eventually { await harness.operations.status().agents.count == 4 })

        let client = try await harness.operatorClient(id: "alice")
        let result = try await client.dispatch(
            Self.advance, to: AgentSelector(labels: ["env": "prod"]), timeout: .seconds(10), commandId: nil)
        await client.close()

        #expect(result.outcomes.map(\.agentId) == ["hz-1", "hz-2", "sh-1"])
        #expect(result.outcomes.allSatisfy { $0.status == .succeeded })
        #expect(result.outcomes.compactMap { $0.result?.summary } == ["hz-1", "hz-2", "sh-1"].map { "migrate.advance on \($0)" })
        #expect(result.command.actor == "alice")
        for agent in agents {
            #expect(await agent.received == [result.commandId])
            #expect(await agent.commands[result.commandId]?.actor == "alice")
        }
        #expect(await other.received.isEmpty)
        #expect(try await harness.operations.outcome(commandId: result.commandId) == result)
        for agent in agents + [other] { await agent.close() }
        await harness.kill()
    }

    @Test func anAgentThatNeverAcksIsTimedOutAndTheRestSucceed() async throws {
        let harness = try await CoordinatorHarness.start()
        defer { harness.remove() }
        let quick = try await FakeAgent.connect(harness, id: "quick")
        let silent = try await FakeAgent.connect(harness, id: "silent", acks: false)
        #expect(try await eventually { await harness.operations.agents().agents.filter(\.connected).count == 2 })

        let result = try await harness.operations.dispatch(Self.advance, to: nil, timeout: .milliseconds(500), actor: "bob")
        #expect(result.outcomes.map(\.status) == [.succeeded, .timedOut])
        #expect(try await eventually { await silent.received == [result.commandId] })
        #expect(try await harness.operations.outcome(commandId: result.commandId).outcomes.map(\.status) == [.succeeded, .timedOut])
        await quick.close()
        await silent.close()
        await harness.kill()
    }

    @Test func anOfflineAgentGetsTheCommandWhenItConnects() async throws {
        let harness = try await CoordinatorHarness.start()
        defer { harness.remove() }
        let result = try await harness.operations.dispatch(
            Self.advance, to: AgentSelector(ids: ["late"]), timeout: .seconds(1), actor: "bob")
        #expect(result.outcomes.map(\.status) == [.offline])

        let late = try await FakeAgent.connect(harness, id: "late")
        #expect(try await eventually {
            try await harness.operations.outcome(commandId: result.commandId).outcomes.first?.status == .succeeded
        })
        #expect(await late.received == [result.commandId])
        await late.close()
        await harness.kill()
    }

    /// A batch in flight when the coordinator dies: every committed ack survives, and the unfinished outcome is
    /// re-asked by id on the new coordinator and completed from the agent's own record (no second run).
    @Test func aKilledCoordinatorLosesNoOutcomeAndCompletesTheBatch() async throws {
        let first = try await CoordinatorHarness.start()
        defer { first.remove() }
        var agents = [
            try await FakeAgent.connect(first, id: "a"), try await FakeAgent.connect(first, id: "b"),
            try await FakeAgent.connect(first, id: "c", acks: false),
        ]
        #expect(try await eventually { await first.operations.agents().agents.filter(\.connected).count == 3 })
        let commandId = "c-batch-1"
        let dispatch = Task {
            try await first.operations.dispatch(Self.advance, to: nil, timeout: .seconds(30), actor: "alice", commandId: commandId)
        }
        #expect(try await eventually {
            let outcomes = try? await first.operations.outcome(commandId: commandId).outcomes
            let askedSilentOne = await !agents[2].received.isEmpty
            return outcomes?.filter { $0.status == .succeeded }.count == 2 && askedSilentOne
        })

        // Like kill -9: the dispatch still waiting in the dead coordinator writes nothing more before the checks.
        await first.kill()
        let record = await agents[2].ownRecord()
        for agent in agents { await agent.close() }

        let second = try await CoordinatorHarness.start(directory: first.directory)
        let kept = try await second.operations.outcome(commandId: commandId)
        #expect(kept.outcomes.map(\.status) == [.succeeded, .succeeded, .pending])
        #expect(kept.command.actor == "alice")

        agents = [
            try await FakeAgent.connect(second, id: "a"), try await FakeAgent.connect(second, id: "b"),
            try await FakeAgent.connect(second, id: "c", record: record),
        ]
        #expect(try await eventually {
            try await second.operations.outcome(commandId: commandId).outcomes.allSatisfy { $0.status == .succeeded }
        })
        #expect(await agents[2].received == [commandId])
        #expect(await agents[0].received.isEmpty)
        #expect(await agents[1].received.isEmpty)
        #expect(try await second.operations.outcome(commandId: commandId).outcomes[2].result == record[commandId])
        dispatch.cancel()
        for agent in agents { await agent.close() }
        await second.kill()
    }

    @Test func aWrongOperatorSecretIsRefused() async throws {
        let harness = try await CoordinatorHarness.start()
        defer { harness.remove() }
        await #expect {
            _ = try await harness.operatorClient(secret: Array("another-secret-0123456789abcdef".utf8))
        } throws: { error in
            (error as? ControlErrorBody)?.code == ControlErrorCode.unauthenticated.rawValue
        }
        #expect(await harness.operations.agents().agents.isEmpty)
        await harness.kill()
    }

    @Test func aWatcherReceivesAnAgentsEvent() async throws {
        let harness = try await CoordinatorHarness.start()
        defer { harness.remove() }
        let client = try await harness.operatorClient()
        let lines = try await client.watch()
        let agent = try await FakeAgent.connect(harness, id: "hz-1")
        let event = AgentEvent(
            agentId: "hz-1", kind: .stageChanged, task: "move", topic: "orders", message: "orders 1 → 2 by alice",
            at: Date(timeIntervalSince1970: 1_800_000_000))
        try await agent.send(event)
        var seen: AgentEvent?
        for try await line in lines where line.verb == .event {
            seen = try line.decode(AgentEvent.self)
            break
        }
        #expect(seen == event)
        await client.close()
        await agent.close()
        await harness.kill()
    }

    @Test func aSecondConnectionWithTheSameIdReplacesTheFirst() async throws {
        let harness = try await CoordinatorHarness.start()
        defer { harness.remove() }
        let old = try await FakeAgent.connect(harness, id: "hz-1", acks: false)
        #expect(try await eventually { await harness.operations.agents().agents.first?.connected == true })
        let new = try await FakeAgent.connect(harness, id: "hz-1")
        try await Task.sleep(for: .milliseconds(200))
        let result = try await harness.operations.dispatch(Self.advance, to: nil, timeout: .seconds(5), actor: "bob")
        #expect(result.outcomes.map(\.status) == [.succeeded])
        #expect(await old.received.isEmpty)
        #expect(await new.received == [result.commandId])
        #expect(await harness.operations.agents().agents.count == 1)
        await old.close()
        await new.close()
        await harness.kill()
    }

    @Test func aWatcherThatFallsBehindIsDroppedAndTheCoordinatorGoesOn() async throws {
        let harness = try await CoordinatorHarness.start { $0.limits.watcherQueue = 16 }
        defer { harness.remove() }
        let updates = await harness.operations.updates()
        let agent = try await FakeAgent.connect(harness, id: "hz-1")
        #expect(try await eventually { await harness.operations.agents().agents.first?.connected == true })
        for index in 0..<40 {
            try await agent.send(
                AgentEvent(agentId: "hz-1", kind: .checkFailed, task: nil, topic: nil, message: "\(index)", at: Date()))
        }
        // The agent's lines are served in order: once its ack is in, its 40 events were taken.
        let synced = try await harness.operations.dispatch(Self.advance, to: nil, timeout: .seconds(5), actor: "bob")
        #expect(synced.outcomes.map(\.status) == [.succeeded])
        var received = 0
        for await _ in updates { received += 1 }
        #expect(received == 16)
        let result = try await harness.operations.dispatch(Self.advance, to: nil, timeout: .seconds(5), actor: "bob")
        #expect(result.outcomes.map(\.status) == [.succeeded])
        await agent.close()
        await harness.kill()
    }
}
