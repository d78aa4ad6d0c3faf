import Foundation
import MigrationEngine
import MigrationStore
import Testing
import TrafficMigration

/// 10,000 topics in one task, advanced as one batch at every stage, the state file reopened after each:
/// every topic reads back at the stage committed.
@Suite(.timeLimit(.minutes(5))) struct BoundedStressTests {
    @Test func tenThousandTopicsBatchAdvancedAndReopened() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let names = (0..<10_000).map { "topic-\($0)" }
        let audit = TrafficAuditContext(actor: "stress")
        try await TrafficStore(database: try MigrationDatabase(path: path)).create(
            MigrationTask(
                name: "big", sourceNameServers: ["s:9876"], targetNameServers: ["t:9876"],
                topics: names.map { MigrationTopic(name: $0, groups: ["g\(Int($0.dropFirst(6))! % 50)"], ordered: false) }),
            audit: audit)
        for expected in MigrationStage.allCases.dropFirst() {
            let store = TrafficStore(database: try MigrationDatabase(path: path))
            let report = try await StageStepRunner(store: store).run(
                task: "big", selection: .all, direction: .advance, audit: audit)
            #expect(report.everyTopicMoved)
            #expect(report.outcomes.count == 10_000)
            let reopened = TrafficStore(database: try MigrationDatabase(path: path))
            let task = try #require(try reopened.task(named: "big"))
            #expect(task.topics.map(\.name) == names)
            #expect(task.topics.allSatisfy { $0.stage == expected })
            let table = RoutingTable(tasks: [task])
            #expect(table.decision(forTopic: "topic-9999") == .rewrite(stage: expected, ordered: false))
        }
        let final = TrafficStore(database: try MigrationDatabase(path: path))
        #expect(try final.changeToken() == 5)
        #expect(try final.history(task: "big", topics: ["topic-0"]).map(\.toStage) == [nil] + MigrationStage.allCases.dropFirst().map { Optional($0) })
    }
}
