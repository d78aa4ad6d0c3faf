import MigrationEngine
import Synchronization
import Testing
import TrafficMigration

@Suite struct MigrationTaskResolverTests {
    @Test func groupsAreReadConcurrentlyWithABoundAndMergedWithExtraGroups() async throws {
        let names = (0..<60).map { "t\($0)" }
        let source = FakeCluster(brokers: ["src"], topics: names)
        source.update {
            $0.delay = .milliseconds(20)
            $0.ordered = ["t1"]
            for name in names { $0.groups[name] = ["g-\(name)", "shared"] }
        }
        let task = try await MigrationTaskResolver(source: source).resolve(
            name: "t", sourceNameServers: ["s:1"], targetNameServers: ["t:1"], selection: .all,
            extraGroups: ["shared", "extra"], quietPeriodSeconds: 60)
        #expect(task.topics.count == 60)
        #expect(task.topics.map(\.name) == names.sorted())
        #expect(task.topic(named: "t1") == MigrationTopic(name: "t1", groups: ["extra", "g-t1", "shared"], ordered: true))
        #expect(task.quietPeriodSeconds == 60)
        let most = source.state.withLock { $0.maxInFlight }
        #expect(most > 1 && most <= MigrationTaskResolver.readConcurrency)
    }

    @Test func anUnreadableSourceFailsTheCreate() async throws {
        let source = FakeCluster(brokers: ["src"], topics: ["a"])
        source.update { $0.down = true }
        await #expect(throws: FakeCluster.Unreachable.self) {
            try await MigrationTaskResolver(source: source).resolve(
                name: "t", sourceNameServers: [], targetNameServers: [], selection: .all)
        }
    }
}
