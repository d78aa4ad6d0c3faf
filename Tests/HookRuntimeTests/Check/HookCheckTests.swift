import Foundation
import Testing

@testable import HookRuntime

/// `ferry hooks check`, through its library type.
@Suite struct HookCheckTests {
    /// scripts/hooks of this package, found from this source file.
    private static let exampleHooks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "scripts/hooks").path

    @Test func exampleHooksPass() async throws {
        let report = await HookCheck.run(path: Self.exampleHooks, logger: quietLogger)
        #expect(!report.failed, "\(report.lines.joined(separator: "\n"))")
        let registry = try #require(report.registry)
        #expect(registry.files(defining: .map) == ["10_skip_list.lua", "20_namespace_by_prefix.lua", "30_queue_policy.lua"])
        #expect(registry.files(defining: .health) == ["40_health_backlog.lua"])
        #expect(registry.files(defining: .gate) == ["50_gate_window.lua"])
        let lines = report.lines
        #expect(lines.contains("ok    map topic mro_order_created (namespace default, 8 queues) -> namespace=mro"))
        #expect(lines.contains("ok    map topic test_load_probe (namespace default, 2 queues) -> skipped"))
        #expect(lines.contains { $0.hasPrefix("ok    gate topic pay_refund_done") && $0.contains("2 topics are cutting over already") })
        #expect(lines.last == "5 scripts, 11 runs, 0 errors")
    }

    @Test func brokenDirectoryFails() async throws {
        try await ScriptDirectory.with(["bad.lua": "function map(r) return {queues = 'many'} end"]) { directory in
            let report = await HookCheck.run(path: directory.path, logger: quietLogger)
            #expect(report.failed)
            #expect(report.lines.contains { $0.hasPrefix("FAIL  map") && $0.contains("bad.lua: hook 'map'") })
        }
        try await ScriptDirectory.with(["bad.lua": "function map(r"]) { directory in
            let report = await HookCheck.run(path: directory.path, logger: quietLogger)
            #expect(report.failed && report.registry == nil)
            #expect(report.lines.contains { $0.hasPrefix("error: bad.lua:1:") })
        }
        try await ScriptDirectory.with([:]) { directory in
            #expect(await HookCheck.run(path: directory.path, logger: quietLogger).failed)
        }
    }

    @Test func jsonSamplesAreUsed() async throws {
        let samples = """
            {"map": [{"kind": "group", "name": "GID_pay_x", "cluster": "c9"}],
             "gate": [{"topic": "t", "stage": 2, "next_stage": 3, "time": 0, "task": {"id": "j"},
                       "facts": {"cutting_over": 1, "ratio": 0.5, "groups": ["a", "b"]}}]}
            """
        let scripts = [
            "s.lua": """
                function map(r) return {name = r.cluster .. ":" .. r.name} end
                function gate(ctx)
                    local f = ctx.facts
                    return {allow = math.type(f.cutting_over) == "integer" and math.type(f.ratio) == "float"
                        and f.groups[2] == "b" and ctx.task.id == "j"}
                end
                """,
            "samples.json": samples,
        ]
        try await ScriptDirectory.with(scripts) { directory in
            let report = await HookCheck.run(path: directory.path, samplesPath: "\(directory.path)/samples.json", logger: quietLogger)
            #expect(!report.failed, "\(report.lines)")
            #expect(report.runs.count == 2)
            #expect(report.lines.contains("ok    map group GID_pay_x (namespace default, 8 queues) -> name=c9:GID_pay_x"))
            #expect(report.lines.contains { $0.hasPrefix("ok    gate") && $0.hasSuffix("-> allow: ") })
            let missing = await HookCheck.run(path: directory.path, samplesPath: "\(directory.path)/none.json", logger: quietLogger)
            #expect(missing.failed)
        }
    }
}
