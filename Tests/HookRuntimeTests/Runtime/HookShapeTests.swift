import Testing

@testable import HookRuntime

/// Wrong return shapes are typed errors naming the hook, the file and what was expected.
@Suite struct HookShapeTests {
    private static let resource = HookResource(kind: .topic, name: "mro_order_created", cluster: "c1")
    private static let health = HealthContext(topic: "t", stage: 1, nextStage: 2)
    private static let gate = GateContext(topic: "t", stage: 1, nextStage: 2, time: 0, taskID: "x")

    @Test(arguments: [
        ("return 42", "map returned an integer"),
        ("return {queues = 'x'}", "field 'queues' is a string, expected an integer"),
        ("return {queues = 1.5}", "field 'queues' is a float, expected an integer"),
        ("return {queues = 0}", "field 'queues' is 0"),
        ("return {nmae = 'typo'}", "unknown field 'nmae'"),
        ("return {kind = 'group'}", "field 'kind' cannot change"),
        ("return {name = print}", "field 'name' is a function, expected a string"),
        ("return {'a'}", "non-string key"),
    ])
    func mapShapes(body: String, problem: String) async throws {
        try await ScriptDirectory.with(["shape.lua": "function map(r) \(body) end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let error = try await #require(throws: HookError.self) { try await runtime.map(Self.resource) }
            #expect(error.code == .wrongShape && error.hook == .map && error.file == "shape.lua")
            #expect(error.message.contains(problem))
            #expect(error.message.contains("expected nil to skip, or a table"))
        }
    }

    @Test func mapAcceptsTheChangedInputTable() async throws {
        let script = "function map(r) r.namespace = 'mro'; r.queues = 16 / 2; return r end"
        try await ScriptDirectory.with(["ok.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let result = try await runtime.map(Self.resource)
            #expect(result == MapResult(name: "mro_order_created", namespace: "mro", queues: 8, perm: 6, order: false))
        }
    }

    @Test(arguments: [
        ("return true", "health returned a boolean"),
        ("return {reason = 'x'}", "field 'ok' is missing"),
        ("return {ok = 'yes'}", "field 'ok' is a string, expected a boolean"),
        ("return {ok = true, checks = 3}", "field 'checks' is an integer"),
        ("return {ok = true, checks = {{ok = true}}}", "checks[1] has no 'name'"),
        ("return {ok = true, checks = {lag = {ok = 1}}}", "check 'lag': field 'ok' is an integer"),
    ])
    func healthShapes(body: String, problem: String) async throws {
        try await ScriptDirectory.with(["h.lua": "function health(ctx) \(body) end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let error = try await #require(throws: HookError.self) { try await runtime.health(Self.health) }
            #expect(error.code == .wrongShape && error.hook == .health && error.file == "h.lua")
            #expect(error.message.contains(problem))
            #expect(error.message.contains("expected a table {ok=boolean"))
        }
    }

    @Test(arguments: [
        ("return nil", "gate returned nil"),
        ("return {allow = 'no'}", "field 'allow' is a string"),
        ("return {reason = 'x'}", "field 'allow' is missing"),
    ])
    func gateShapes(body: String, problem: String) async throws {
        try await ScriptDirectory.with(["g.lua": "function gate(ctx) \(body) end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let error = try await #require(throws: HookError.self) { try await runtime.gate(Self.gate) }
            #expect(error.code == .wrongShape && error.hook == .gate && error.file == "g.lua")
            #expect(error.message.contains(problem))
            #expect(error.message.contains("expected a table {allow=boolean, reason=string?}"))
        }
    }
}
