import Foundation
import MigrationEngine
import MigrationStore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing
import TrafficMigration

/// The traffic library against live sandbox clusters: task resolution from the source, steps with offset
/// snapshots, status counting messages per side and naming an unreachable cluster.
@Suite(.serialized, .timeLimit(.minutes(3))) struct TrafficSandboxTests {
    static let audit = TrafficAuditContext(actor: "test")

    func clusters(_ sandbox: SandboxClusters) -> TrafficClusters {
        TrafficClusters(
            source: RocketMQTrafficClusterReader(admin: sandbox.admin(sandbox.source)),
            target: RocketMQTrafficClusterReader(admin: sandbox.admin(sandbox.target)))
    }

    @Test func createResolvesTopicsGroupsAndOrderFromTheSource() async throws {
        try await SandboxClusters.with { sandbox in
            try await sandbox.createTopic("orders", on: sandbox.source, order: true)
            try await sandbox.createTopic("audit", on: sandbox.source)
            try await sandbox.createTopic("other", on: sandbox.source)
            try await sandbox.commitOffset(topic: "orders", group: "billing", on: sandbox.source)
            try await sandbox.commitOffset(topic: "orders", group: "TOOLS_CONSUMER", on: sandbox.source)
            let resolver = MigrationTaskResolver(source: self.clusters(sandbox).source)
            let task = try await resolver.resolve(
                name: "t", sourceNameServers: [sandbox.source.nameServerAddress],
                targetNameServers: [sandbox.target.nameServerAddress],
                selection: .selectors([TopicSelector("orders"), TopicSelector("aud*")]), extraGroups: ["late"])
            #expect(task.topics == [
                MigrationTopic(name: "audit", groups: ["late"], ordered: false),
                MigrationTopic(name: "orders", groups: ["billing", "late"], ordered: true),
            ])
            let all = try await resolver.resolve(name: "t", sourceNameServers: [], targetNameServers: [], selection: .all)
            #expect(all.topics.map(\.name) == ["audit", "orders", "other"])
            await #expect(throws: TrafficMigrationError.self) {
                try await resolver.resolve(
                    name: "t", sourceNameServers: [], targetNameServers: [], selection: .selectors([TopicSelector("nope*")]))
            }
        }
    }

    @Test func statusCountsMessagesPerSideSinceTheLastStageChange() async throws {
        try await SandboxClusters.with { sandbox in
            try await sandbox.createTopic("orders", on: sandbox.source)
            try await sandbox.createTopic("orders", on: sandbox.target)
            try await sandbox.send(5, to: "orders", on: sandbox.source)
            let clusters = self.clusters(sandbox)
            let store = TrafficStore(database: try MigrationDatabase.inMemory())
            let task = MigrationTask(
                name: "t", sourceNameServers: [sandbox.source.nameServerAddress],
                targetNameServers: [sandbox.target.nameServerAddress],
                topics: [MigrationTopic(name: "orders", groups: [], ordered: false)])
            try await store.create(task, audit: Self.audit, offsets: await clusters.offsetSnapshots(of: ["orders"], now: Date()))
            try await sandbox.send(3, to: "orders", on: sandbox.source)
            let reporter = TrafficStatusReporter(store: store, clusters: clusters)
            var row = try #require(try await reporter.status(task: "t", selection: .all).topics.first)
            #expect(row.source.messagesSinceStageChange == 3)
            #expect(row.target.messagesSinceStageChange == 0)
            #expect(row.source.producers && !row.target.producers && !row.target.consumers)

            let report = try await StageStepRunner(store: store, clusters: clusters)
                .run(task: "t", selection: .all, direction: .advance, audit: Self.audit)
            #expect(report.everyTopicMoved)
            try await sandbox.send(2, to: "orders", on: sandbox.target)
            row = try #require(try await reporter.status(task: "t", selection: .all).topics.first)
            #expect(row.stage == "dual-read")
            #expect(row.source.messagesSinceStageChange == 0)
            #expect(row.target.messagesSinceStageChange == 2)
            #expect(row.target.consumers && !row.target.producers)

            await sandbox.target.shutdown()
            row = try #require(try await reporter.status(task: "t", selection: .all).topics.first)
            #expect(row.source.messagesSinceStageChange == 0)
            #expect(row.target.messagesSinceStageChange == nil)
            #expect(row.target.unavailableReason?.hasPrefix("target unreachable") == true)
        }
    }

    @Test func previewShowsTheRouteClientsWouldGetAfterTheStep() async throws {
        try await SandboxClusters.with { sandbox in
            try await sandbox.createTopic("orders", on: sandbox.source)
            try await sandbox.createTopic("orders", on: sandbox.target)
            let task = MigrationTask(
                name: "t", sourceNameServers: [], targetNameServers: [],
                topics: [MigrationTopic(name: "orders", groups: ["billing"], ordered: false)])
            let (routes, refused) = try await StagePreview(clusters: self.clusters(sandbox))
                .preview(task: task, selection: .all, direction: .advance)
            #expect(refused.isEmpty)
            #expect(routes.map(\.topic) == ["%RETRY%billing", "orders"])
            let orders = try #require(routes.last?.route)
            var perms: [String: Int32] = [:]
            for queue in orders.queueDatas { perms[queue.brokerName] = queue.perm.rawValue }
            #expect(perms == ["source-a": 6, "source-b": 6, "target-a": 4])
        }
    }
}
