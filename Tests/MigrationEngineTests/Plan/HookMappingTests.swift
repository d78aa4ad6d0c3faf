import Foundation
import HookRuntime
import Logging
import MigrationEngine
import Testing

@Suite struct HookMappingTests {
    private func runtime(_ path: String) throws -> HookRuntime {
        try HookRuntime(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func exampleHooksRenamespaceSkipAndSetQueues() async throws {
        let export = PlanFixtures.export(
            topics: [
                MetadataTopic(topicName: "mro_order_created", readQueueNums: 6, writeQueueNums: 6),
                MetadataTopic(topicName: "pay%refund", readQueueNums: 8, writeQueueNums: 8),
                MetadataTopic(topicName: "test_probe", readQueueNums: 4, writeQueueNums: 4),
            ],
            groups: [MetadataGroup(groupName: "GID_mro_billing")])
        let mapper = HookResourceMapper(runtime: try self.runtime(PlanFixtures.exampleHooks))
        let plan = await MetadataPlanner(mapper: mapper)
            .plan(sources: [.init(label: "s", export: export)], target: PlanFixtures.emptyTarget())
        let mro = try #require(PlanFixtures.item(plan, "topic:mro%mro_order_created"))
        #expect(mro.origins == [PlanOrigin(source: "s", name: "mro_order_created")])
        #expect(mro.topic?.readQueueNums == 8)
        #expect(mro.notes.contains("queues 6 → 8 (mapping hook)"))
        #expect(PlanFixtures.item(plan, "topic:pay%refund")?.action == .create)
        #expect(PlanFixtures.item(plan, "topic:test_probe")?.action == .skip)
        #expect(PlanFixtures.item(plan, "group:mro%GID_mro_billing")?.action == .create)
    }

    @Test func aHookErrorFailsThatItemWithFileAndLine() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-hooks-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
            function map(resource)
              if resource.name == "bad_topic" then error("bad names are not allowed") end
              return { name = "renamed_" .. resource.name }
            end
            """
        try script.write(to: dir.appendingPathComponent("map.lua"), atomically: true, encoding: .utf8)
        let export = PlanFixtures.export(topics: [
            MetadataTopic(topicName: "bad_topic", readQueueNums: 4, writeQueueNums: 4),
            MetadataTopic(topicName: "good_topic", readQueueNums: 4, writeQueueNums: 4),
        ])
        let mapper = HookResourceMapper(runtime: try self.runtime(dir.path))
        let plan = await MetadataPlanner(mapper: mapper)
            .plan(sources: [.init(label: "s", export: export)], target: PlanFixtures.emptyTarget())
        #expect(PlanFixtures.item(plan, "topic:renamed_good_topic")?.action == .create)
        let failed = try #require(PlanFixtures.item(plan, "topic:bad_topic"))
        #expect(failed.action == .failed)
        #expect(failed.reason?.contains("bad names are not allowed") == true)
        #expect(failed.reason?.contains("map.lua:2") == true)
    }
}
