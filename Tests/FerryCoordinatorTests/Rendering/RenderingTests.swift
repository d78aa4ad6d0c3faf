import ControlProtocol
import FerryCoordinator
import Foundation
import MigrationEngine
import Testing

@Suite struct RenderingTests {
    @Test func agentTableAlignsColumnsAndCountsConnected() {
        let list = AgentList(agents: [
            AgentSummary(
                agentId: "hz-1", labels: ["region": "hz", "env": "prod"], cluster: "hz", version: "ferry-agent 0.3.0",
                connected: true, lastSeen: Fixtures.at.addingTimeInterval(-5), address: "10.0.0.1:40000"),
            AgentSummary(
                agentId: "sh-long-name", labels: [:], cluster: "", version: "", connected: false,
                lastSeen: Fixtures.at.addingTimeInterval(-7_200), address: "10.0.0.2:40000"),
        ])
        let lines = AgentTable.render(list, now: Fixtures.at)
        #expect(lines[0].hasPrefix("AGENT         CLUSTER  CONNECTED  LAST SEEN"))
        #expect(lines[1].hasPrefix("hz-1          hz       yes        5s ago"))
        #expect(lines[1].hasSuffix("env=prod,region=hz"))
        #expect(lines[2].hasPrefix("sh-long-name  -        no         2h ago"))
        #expect(lines.last == "2 agents, 1 connected")
        #expect(AgentTable.render(AgentList(agents: [])) == ["no agents"])
    }

    @Test func dispatchTableTalliesStatusesAndShowsTopicsAndRefusals() {
        let result = DispatchResult(
            commandId: "c-1", command: AgentCommand(action: .migrateAdvance, task: "move", actor: "alice"),
            outcomes: [
                AgentOutcome(
                    agentId: "hz-1", status: .succeeded,
                    result: CommandResult(
                        ok: true, summary: "1 moved",
                        topics: [TopicOutcome(topic: "orders", from: .dualRead, to: .dualReadWrite, refused: nil)])),
                AgentOutcome(
                    agentId: "sh-1", status: .failed,
                    result: CommandResult(
                        ok: false, summary: "1 refused",
                        topics: [TopicOutcome(topic: "pay", from: .initial, to: .initial, refused: "gate: window closed")])),
                AgentOutcome(agentId: "sz-1", status: .timedOut, result: nil),
            ])
        let lines = DispatchTable.render(result)
        #expect(lines[0] == "command c-1 migrate.advance task move by alice: 1 succeeded, 1 failed, 1 timedOut")
        #expect(lines[1] == "AGENT  STATUS     SUMMARY")
        #expect(lines[2] == "hz-1   succeeded  1 moved")
        #expect(lines[4] == "sz-1   timedOut   no ack in time; asked again when it reconnects")
        #expect(lines.contains("  orders  1 → 2"))
        #expect(lines.contains("  pay    refused: gate: window closed"))
        #expect(!DispatchTable.allSucceeded(result))
        var good = result
        good.outcomes = [result.outcomes[0]]
        #expect(DispatchTable.allSucceeded(good))
    }

    @Test func statusTextShowsEachAgentsProxyTasksAndReasons() throws {
        let lines = AgentStatusText.render(AgentStates(agents: [try Fixtures.state(agentId: "hz-1")]))
        #expect(lines[0] == "agent hz-1 (cluster hz, ferry-agent 0.3.0): proxy 0.0.0.0:9876 degraded, 2 topics (target unreachable)")
        #expect(lines.contains { $0.hasPrefix("  task move: source s:9876 → target t:9876") })
        #expect(lines.contains { $0.hasPrefix("  orders") && $0.contains("1 dual-read") })
        #expect(lines.contains("  not ready orders: consumersOnTarget: g1 has 0 clients on target, 2 on source"))
    }

    @Test func watchViewRedrawsAgentsTopicsAndTheLastEvents() throws {
        var view = WatchView(eventsShown: 2)
        view.apply(.state(try Fixtures.state(agentId: "hz-1")))
        view.apply(.state(try Fixtures.state(agentId: "hz-1", stage: 2)))
        for index in 1...3 { view.apply(.event(Fixtures.event(agentId: "hz-1", message: "event \(index)"))) }
        let screen = view.screen(now: Fixtures.at)
        #expect(screen[0] == "ferry ctl watch — 1 agents — 2027-01-15T08:00:00Z")
        #expect(screen[1].hasPrefix("AGENT  TASK  TOPIC   STAGE"))
        #expect(screen[2].hasPrefix("hz-1   move  orders  2 dual-read"))
        #expect(screen[2].hasSuffix("not ready: consumersOnTarget: g1 has 0 clients on target, 2 on source"))
        #expect(screen.suffix(2) == [
            "2027-01-15T08:00:00Z hz-1 stageChanged move/orders: event 2",
            "2027-01-15T08:00:00Z hz-1 stageChanged move/orders: event 3",
        ])
        #expect(WatchView.clearScreen == "\u{1B}[H\u{1B}[2J")
        #expect(WatchView.line(for: .state(try Fixtures.state(agentId: "hz-1")))
            == "2027-01-15T08:00:00Z hz-1 state: 1 tasks, topics at stage 1: 1")
    }

    @Test func watchJSONLinesNameTheirKindAndKeepTheContractsCamelCase() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let text = String(decoding: try encoder.encode(CoordinatorUpdate.event(Fixtures.event(agentId: "hz-1"))), as: UTF8.self)
        #expect(text == #"{"event":{"agentId":"hz-1","at":"2027-01-15T08:00:00Z","kind":"stageChanged","message":"orders 0 → 1 by alice","task":"move","topic":"orders"}}"#)
        let state = String(decoding: try encoder.encode(CoordinatorUpdate.state(try Fixtures.state(agentId: "a"))), as: UTF8.self)
        #expect(state.hasPrefix(#"{"state":{"agentId":"a","cluster":"hz""#))
    }
}
