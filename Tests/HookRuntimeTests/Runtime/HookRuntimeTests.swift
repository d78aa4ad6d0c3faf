import InMemoryLogging
import Logging
import Testing

@testable import HookRuntime

/// The typed hook API: arguments in, typed results out, defaults, chaining and `print`.
@Suite struct HookRuntimeTests {
    private static let resource = HookResource(
        kind: .topic, name: "mro_order_created", namespace: "default", queues: 8, perm: 6, order: true, cluster: "c1"
    )

    @Test func mapSeesTheResourceAndReturnsChanges() async throws {
        let script = """
            function map(r)
                assert(r.kind == "topic" and r.name == "mro_order_created" and r.namespace == "default")
                assert(math.type(r.queues) == "integer" and r.queues == 8 and r.perm == 6)
                assert(r.order == true and r.cluster == "c1")
                return {namespace = "mro", name = "order_created", queues = 16, perm = 4, order = false}
            end
            """
        try await ScriptDirectory.with(["m.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let result = try #require(try await runtime.map(Self.resource))
            #expect(result == MapResult(name: "order_created", namespace: "mro", queues: 16, perm: 4, order: false))
            #expect(result.applied(to: Self.resource).namespace == "mro")
        }
    }

    @Test func mapNilSkips() async throws {
        try await ScriptDirectory.with(["m.lua": "function map(r) return nil end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            #expect(try await runtime.map(Self.resource) == nil)
        }
    }

    @Test func withoutHooksMapKeepsHealthIsOkGateAllows() async throws {
        try await ScriptDirectory.with(["empty.lua": "local helper = 1"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            #expect(try await runtime.map(Self.resource) == MapResult())
            #expect(try await runtime.health(HealthContext(topic: "t", stage: 0, nextStage: 1)).ok)
            #expect(try await runtime.gate(GateContext(topic: "t", stage: 0, nextStage: 1, time: 0, taskID: "x")).allow)
            #expect(await runtime.registry == HookRegistry(scripts: [.init(file: "empty.lua", hooks: [])]))
            #expect(await !runtime.definesHook(.map))
        }
    }

    @Test func healthReceivesFactsAndReturnsChecks() async throws {
        let script = """
            function health(ctx)
                local f = ctx.facts
                assert(ctx.topic == "orders" and ctx.stage == 3 and ctx.next_stage == 4)
                assert(f.backlog.GID_a == 12 and f.clients.target == 4 and math.type(f.write_tps) == "float")
                assert(f.last_write_time == 1700000000 and f.note == "extra")
                return {ok = false, reason = "backlog", checks = {
                    {name = "backlog", ok = false, reason = "GID_a has 12"}, {name = "clients", ok = true}}}
            end
            """
        try await ScriptDirectory.with(["h.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let context = HealthContext(
                topic: "orders", stage: 3, nextStage: 4, backlog: ["GID_a": 12], clients: ["target": 4],
                writeTPS: 1.5, lastWriteTime: 1_700_000_000, extra: ["note": "extra"]
            )
            let verdict = try await runtime.health(context)
            #expect(
                verdict
                    == HealthVerdict(
                        ok: false, reason: "backlog",
                        checks: [HealthCheck(name: "backlog", ok: false, reason: "GID_a has 12"), HealthCheck(name: "clients", ok: true)]
                    )
            )
        }
    }

    @Test func gateReceivesTimeTaskAndFacts() async throws {
        let script = """
            function gate(ctx)
                if ctx.facts.cutting_over >= ctx.facts.max_cutting_over then
                    return {allow = false, reason = ctx.task.id .. " at " .. os.date("!%H:%M", ctx.time)}
                end
                return {allow = true}
            end
            """
        try await ScriptDirectory.with(["g.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let busy = GateContext(topic: "t", stage: 2, nextStage: 3, time: 3_600, taskID: "task-7", cuttingOver: 2, maxCuttingOver: 2)
            #expect(try await runtime.gate(busy) == GateDecision(allow: false, reason: "task-7 at 01:00", refusedBy: "g.lua"))
            var idle = busy
            idle.facts["cutting_over"] = 0
            #expect(try await runtime.gate(idle) == GateDecision(allow: true))
        }
    }

    @Test func hooksChainInFileOrder() async throws {
        let scripts = [
            "10_skip.lua": "function map(r) if r.name == 'skip_me' then return nil end return {} end",
            "20_ns.lua": "function map(r) return {namespace = 'mro', queues = r.queues * 2} end\n"
                + "function health(ctx) return {ok = true, reason = 'first', checks = {a = true}} end\n"
                + "function gate(ctx) return {allow = true, reason = 'one'} end",
            "30_q.lua": "function map(r) assert(r.namespace == 'mro'); return {queues = r.queues + 1} end\n"
                + "function health(ctx) return {ok = false, reason = 'second', checks = {b = {ok = false, reason = 'no'}}} end\n"
                + "function gate(ctx) return {allow = ctx.stage == 0, reason = 'two'} end",
            "40_never.lua": "function gate(ctx) error('must not run after a refusal') end",
            "notes.txt": "not a script",
        ]
        try await ScriptDirectory.with(scripts) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let registry = await runtime.registry
            #expect(registry.scripts.map(\.file) == ["10_skip.lua", "20_ns.lua", "30_q.lua", "40_never.lua"])
            #expect(registry.files(defining: .map) == ["10_skip.lua", "20_ns.lua", "30_q.lua"])
            #expect(registry.scripts[1].hooks == [.map, .health, .gate])
            #expect(try await runtime.map(Self.resource) == MapResult(namespace: "mro", queues: 17))
            #expect(try await runtime.map(HookResource(kind: .topic, name: "skip_me")) == nil)
            let verdict = try await runtime.health(HealthContext(topic: "t", stage: 1, nextStage: 2))
            #expect(verdict == HealthVerdict(ok: false, reason: "second", checks: [.init(name: "a", ok: true), .init(name: "b", ok: false, reason: "no")]))
            let refused = try await runtime.gate(GateContext(topic: "t", stage: 1, nextStage: 2, time: 0, taskID: "x"))
            #expect(refused == GateDecision(allow: false, reason: "two", refusedBy: "30_q.lua"))
            await #expect(throws: HookError.self) {
                try await runtime.gate(GateContext(topic: "t", stage: 0, nextStage: 1, time: 0, taskID: "x"))
            }
        }
    }

    @Test func singleFileLoads() async throws {
        try await ScriptDirectory.with(["a.lua": "function map(r) return {} end", "b.lua": "function map(r) return nil end"]) { directory in
            let runtime = try HookRuntime(path: "\(directory.path)/a.lua", logger: quietLogger)
            #expect(await runtime.registry.scripts.map(\.file) == ["a.lua"])
            #expect(try await runtime.map(Self.resource) == MapResult())
        }
    }

    @Test func missingPathIsUnreadable() throws {
        let error = try #require(throws: HookError.self) { try HookRuntime(path: "/nonexistent/ferry-hooks", logger: quietLogger) }
        #expect(error.code == .unreadable)
    }

    @Test func printGoesToTheLoggerWithTheScriptName() async throws {
        let (logger, handler) = recordingLogger()
        let script = "print('loaded', 1, 2.5, nil, true)\nfunction map(r) print('mapping ' .. r.name); return {} end"
        try await ScriptDirectory.with(["talk.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: logger)
            _ = try await runtime.map(Self.resource)
        }
        let prints = handler.entries.filter { $0.metadata["hook.script"] != nil }
        #expect(prints.map(\.message.description) == ["loaded\t1\t2.5\tnil\ttrue", "mapping mro_order_created"])
        #expect(prints.allSatisfy { $0.metadata["hook.script"] == "talk.lua" && $0.level == .info })
    }

    @Test func scriptsHaveSeparateEnvironments() async throws {
        let scripts = [
            "a.lua": "shared = 'a'\nfunction map(r) return {name = shared} end",
            "b.lua": "function health(ctx) return {ok = shared == nil, reason = tostring(shared)} end",
        ]
        try await ScriptDirectory.with(scripts) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            #expect(try await runtime.health(HealthContext(topic: "t", stage: 0, nextStage: 1)) == HealthVerdict(ok: true, reason: "nil"))
            #expect(try await runtime.map(Self.resource)?.name == "a")
        }
    }
}
