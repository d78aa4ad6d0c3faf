import MigrationEngine
import RocketMQRemoting
import Testing

@Suite struct RoutingTableTests {
    static func task(_ name: String, _ topics: [MigrationTopic]) -> MigrationTask {
        MigrationTask(name: name, sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"], topics: topics)
    }

    @Test func taskTopicsAreRewrittenOthersPassThrough() {
        let table = RoutingTable(tasks: [
            Self.task("t1", [MigrationTopic(name: "orders", groups: ["g"], ordered: true, stage: .dualReadWrite)])
        ])
        #expect(table.decision(forTopic: "orders") == .rewrite(stage: .dualReadWrite, ordered: true))
        #expect(table.decision(forTopic: "other") == .passThrough)
        #expect(table.decision(forTopic: "%DLQ%g") == .passThrough)
        #expect(table.routedTopics == ["%RETRY%g", "orders"])
    }

    @Test func retryTopicStaysDualReadUntilEveryTopicOfTheGroupIsCompleted() {
        func retryDecision(_ a: MigrationStage, _ b: MigrationStage) -> RouteDecision {
            RoutingTable(tasks: [
                Self.task("t1", [MigrationTopic(name: "a", groups: ["g"], ordered: false, stage: a)]),
                Self.task("t2", [MigrationTopic(name: "b", groups: ["g", "h"], ordered: true, stage: b)]),
            ]).decision(forTopic: "%RETRY%g")
        }
        #expect(retryDecision(.initial, .initial) == .rewrite(stage: .initial, ordered: false))
        #expect(retryDecision(.initial, .dualRead) == .rewrite(stage: .dualRead, ordered: false))
        #expect(retryDecision(.cuttingOver, .cuttingOver) == .rewrite(stage: .dualRead, ordered: false))
        #expect(retryDecision(.completed, .cuttingOver) == .rewrite(stage: .dualRead, ordered: false))
        #expect(retryDecision(.completed, .completed) == .rewrite(stage: .completed, ordered: false))
    }

    @Test func theFirstTaskListingATopicWins() {
        let table = RoutingTable(tasks: [
            Self.task("t1", [MigrationTopic(name: "a", groups: [], ordered: false, stage: .dualRead)]),
            Self.task("t2", [MigrationTopic(name: "a", groups: [], ordered: true, stage: .completed)]),
        ])
        #expect(table.decision(forTopic: "a") == .rewrite(stage: .dualRead, ordered: false))
    }

    @Test func brokerNameClash() {
        let table = RoutingTable(tasks: [])
        let clashing = RouteFixtures.route(cluster: "tgt", brokers: ["tgt-a", "src-b"])
        #expect(table.brokerNameClash(source: RouteFixtures.source, target: clashing) == ["src-b"])
        #expect(table.brokerNameClash(source: RouteFixtures.source, target: RouteFixtures.target).isEmpty)
        #expect(table.brokerNameClash(source: nil, target: clashing).isEmpty)
        #expect(RoutingTable.clashingBrokerNames(source: ["b", "a", "c"], target: ["c", "a"]) == ["a", "c"])
    }
}
