import ControlProtocol
import Foundation
import MigrationEngine
import Testing

@testable import FerryDashboard

@Suite struct TrafficHistoryTests {
    private func state(_ agentId: String, at seconds: Double, topics: [(String, MigrationStage, Int64?)]) throws
        -> AgentState
    {
        try Fixtures.agent(
            agentId, takenAt: Date(timeIntervalSince1970: seconds),
            rows: topics.map { try Fixtures.row(topic: $0.0, stage: $0.1, source: $0.2, target: 0) })
    }

    @Test func samplesAreMessagesBetweenStatesBoundedPerTopic() throws {
        let history = TrafficHistory(samplesPerTopic: 3, maxTopics: 100)
        for (index, count) in [0, 5, 12, 12, 20].enumerated() {
            history.record(try state("a", at: Double(index), topics: [("T", .dualRead, Int64(count))]))
        }
        #expect(history.series(agentId: "a", task: Fixtures.task, topic: "T").source == [7, 0, 8])
        #expect(history.series(agentId: "a", task: Fixtures.task, topic: "T").target == [0, 0, 0])
    }

    @Test func staleStatesCountOnceAndAStageChangeRestartsTheCounter() throws {
        let history = TrafficHistory(samplesPerTopic: 10, maxTopics: 100)
        history.record(try state("a", at: 10, topics: [("T", .dualRead, 100)]))
        history.record(try state("a", at: 10, topics: [("T", .dualRead, 150)]))
        history.record(try state("a", at: 5, topics: [("T", .dualRead, 150)]))
        history.record(try state("a", at: 20, topics: [("T", .dualReadWrite, 4)]))
        history.record(try state("a", at: 30, topics: [("T", .dualReadWrite, nil)]))
        #expect(history.series(agentId: "a", task: Fixtures.task, topic: "T").source == [4, nil])
    }

    @Test func topicsBeyondTheBoundAreNotTrackedAndDroppedTopicsAreForgotten() throws {
        let history = TrafficHistory(samplesPerTopic: 10, maxTopics: 3)
        history.record(try state("a", at: 1, topics: [("T1", .initial, 1), ("T2", .initial, 1)]))
        history.record(try state("b", at: 1, topics: [("T1", .initial, 1), ("T2", .initial, 1)]))
        #expect(history.trackedTopics == 3)
        history.record(try state("a", at: 2, topics: [("T1", .initial, 1)]))
        #expect(history.trackedTopics == 2)
        history.record(try state("b", at: 2, topics: [("T1", .initial, 3), ("T2", .initial, 1)]))
        #expect(history.trackedTopics == 3)
        #expect(history.series(agentId: "b", task: Fixtures.task, topic: "T1").source == [2])
    }
}
