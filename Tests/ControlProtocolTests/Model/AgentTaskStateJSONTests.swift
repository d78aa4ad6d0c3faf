import ControlProtocol
import Foundation
import MigrationEngine
import Testing
import TrafficMigration

/// The status an agent sends carries each topic's consumer groups with their consumed offsets and backlog per
/// side, and states from agents that predate the field still decode.
@Suite struct AgentTaskStateJSONTests {
    /// A task state as an older agent sends it: a topic row without `consumerGroups`.
    static let olderAgentLine =
        #"{"readiness":[],"status":{"quietPeriodSeconds":300,"sourceNameServers":["s:9876"],"targetNameServers":["t:9876"],"task":"t","#
        + #""topics":[{"groups":["billing"],"ordered":false,"source":{"consumers":true,"producers":true},"stage":"dual-read","#
        + #""stageChangedAt":"2026-11-18T11:06:40Z","stageNumber":1,"target":{"consumers":true,"producers":false},"topic":"orders"}]}}"#

    @Test func aStateWithoutConsumerGroupsStillDecodes() throws {
        let state = try ControlJSON.decode(AgentTaskState.self, from: Self.olderAgentLine)
        #expect(state.status.topics.first?.topic == "orders")
        #expect(state.status.topics.first?.consumerGroups == nil)
    }

    @Test func consumerGroupsTravelWithTheirProgressPerSide() throws {
        var state = try ControlJSON.decode(AgentTaskState.self, from: Self.olderAgentLine)
        state.status.topics[0].consumerGroups = [
            GroupTraffic(
                group: "billing", source: ConsumerProgress(consumed: 7, backlog: 3),
                target: ConsumerProgress(consumed: 2, backlog: 1)),
            GroupTraffic(group: "audit", source: ConsumerProgress(consumed: 10, backlog: 0), target: nil),
        ]
        let line = try ControlJSON.encode(state)
        #expect(
            line.contains(
                #""consumerGroups":[{"group":"billing","source":{"backlog":3,"consumed":7},"target":{"backlog":1,"consumed":2}},"#
                    + #"{"group":"audit","source":{"backlog":0,"consumed":10}}]"#))
        #expect(try ControlJSON.decode(AgentTaskState.self, from: line) == state)
    }
}
