import Testing

@testable import HookRuntime

/// Hostile scripts: each fails with its typed error, and the same runtime then serves a good hook.
@Suite struct SandboxTests {
    /// A good `gate` next to the hostile `map`, used to prove the runtime still works.
    private static let goodGate = "function gate(ctx) return {allow = true, reason = ctx.topic} end"

    private static let context = GateContext(topic: "after", stage: 0, nextStage: 1, time: 0, taskID: "t", cuttingOver: 0)

    private static let resource = HookResource(kind: .topic, name: "mro_order_created")

    /// The default limits with a wall-clock deadline that cannot fire first on a loaded machine, for the
    /// tests that are about the instruction budget or the memory cap (the deadline has its own test).
    private static let budgetOnly = HookLimits(deadline: .seconds(60), loadDeadline: .seconds(60))

    /// Loads `body` as a `map` hook (plus a good gate), calls it, and returns the error it throws,
    /// after checking that the gate and a second call still work.
    private func mapError(_ body: String, limits: HookLimits = HookLimits()) async throws -> HookError? {
        try await ScriptDirectory.with(["hostile.lua": "function map(r)\n\(body)\nend\n\(Self.goodGate)"]) { directory in
            let runtime = try HookRuntime(path: directory.path, limits: limits, logger: quietLogger)
            var caught: HookError?
            do throws(HookError) {
                _ = try await runtime.map(Self.resource)
            } catch {
                caught = error
            }
            #expect(try await runtime.gate(Self.context) == GateDecision(allow: true, reason: "after"))
            await #expect(throws: HookError.self) { _ = try await runtime.map(Self.resource) }
            #expect(try await runtime.gate(Self.context).reason == "after")
            return caught
        }
    }

    @Test func infiniteLoopHitsTheInstructionBudget() async throws {
        let error = try #require(try await mapError("while true do end", limits: Self.budgetOnly))
        #expect(error.code == .instructionBudget)
        #expect(error.hook == .map && error.file == "hostile.lua" && error.line == 2)
    }

    @Test func pcallCannotSwallowTheBudget() async throws {
        let error = try #require(try await mapError("while true do pcall(function() while true do end end) end", limits: Self.budgetOnly))
        #expect(error.code == .instructionBudget)
    }

    @Test func slowLoopHitsTheDeadline() async throws {
        let limits = HookLimits(instructions: .max, deadline: .milliseconds(20))
        let error = try #require(try await mapError("while true do end", limits: limits))
        #expect(error.code == .deadline)
        #expect(error.line == 2)
    }

    @Test(arguments: [
        "local t = {} while true do t[#t + 1] = {} end",
        "local s = 'x' while true do s = s .. s end",
        "return string.rep('x', 1 << 30)",
    ])
    func unboundedGrowthHitsTheMemoryCap(body: String) async throws {
        let error = try #require(try await mapError(body, limits: HookLimits(instructions: 100_000_000, memoryBytes: 8 << 20, deadline: .seconds(60))))
        #expect(error.code == .memoryLimit)
        #expect(error.message.contains("not enough memory"))
        #expect(error.hook == .map && error.file == "hostile.lua")
    }

    @Test(arguments: [
        ("os.execute('true')", "execute"),
        ("os.exit(1)", "exit"),
        ("os.remove('/tmp/x')", "remove"),
        ("io.open('/etc/passwd')", "io"),
        ("require('os')", "require"),
        ("dofile('/etc/hosts')", "dofile"),
        ("loadfile('/etc/hosts')", "loadfile"),
        ("load(string.dump(function() end))", "dump"),
        ("debug.sethook()", "debug"),
        ("collectgarbage()", "collectgarbage"),
        ("local f = ('').dump; f(print)", "a nil value"),
        ("getmetatable('').__index.upper = nil", "__index"),
    ])
    func removedFunctionsAreUnreachable(body: String, mentioned: String) async throws {
        let error = try #require(try await mapError(body))
        #expect(error.code == .runtime)
        #expect(error.message.contains(mentioned))
        #expect(error.line == 2)
    }

    @Test func binaryChunksCannotBeLoaded() async throws {
        let body = "local f, message = load('\\27Lua'); error(message, 0)"
        let error = try #require(try await mapError(body))
        #expect(error.message.contains("binary chunk"))
    }

    @Test(arguments: [
        ("print = nil", "cannot rebind host global 'print'"),
        ("string = {}", "cannot rebind host global 'string'"),
        ("_G.pairs = next", "cannot rebind host global 'pairs'"),
        ("rawset(_G, 'print', nil)", "cannot rawset into a host table"),
        ("string.upper = nil", "cannot modify host library field 'upper'"),
        ("setmetatable(_G, {})", "cannot change the metatable of a host table"),
        ("setmetatable({}, {__gc = function() end})", "__gc metamethods are not allowed"),
    ])
    func hostGlobalsAreReadOnly(body: String, message: String) async throws {
        let error = try #require(try await mapError(body))
        #expect(error.code == .runtime)
        #expect(error.message.contains(message))
        #expect(error.line == 2)
    }

    @Test func rebindingAtTopLevelFailsTheLoad() async throws {
        try await ScriptDirectory.with(["bad.lua": "\n\nprint = function() end\n"]) { directory in
            let error = try #require(throws: HookError.self) {
                try HookRuntime(path: directory.path, logger: quietLogger)
            }
            #expect(error.code == .runtime && error.file == "bad.lua" && error.line == 3 && error.hook == nil)
            #expect(error.message.contains("cannot rebind host global 'print'"))
        }
    }

    @Test func syntaxErrorNamesFileAndLine() async throws {
        try await ScriptDirectory.with(["broken.lua": "function map(r)\n  return {\nend\n"]) { directory in
            let error = try #require(throws: HookError.self) {
                try HookRuntime(path: directory.path, logger: quietLogger)
            }
            #expect(error.code == .syntax && error.file == "broken.lua" && error.line == 3)
            #expect(error.description.hasPrefix("broken.lua:3: loading: "))
        }
    }

    @Test func topLevelRuntimeErrorAndLoadBudget() async throws {
        try await ScriptDirectory.with(["boom.lua": "local x = nil\nlocal y = x.field\n"]) { directory in
            let error = try #require(throws: HookError.self) { try HookRuntime(path: directory.path, logger: quietLogger) }
            #expect(error.code == .runtime && error.file == "boom.lua" && error.line == 2)
        }
        try await ScriptDirectory.with(["spin.lua": "while true do end"]) { directory in
            let error = try #require(throws: HookError.self) {
                try HookRuntime(path: directory.path, limits: Self.budgetOnly, logger: quietLogger)
            }
            #expect(error.code == .instructionBudget && error.file == "spin.lua" && error.hook == nil)
        }
    }

    @Test func hookThatErrorsMidway() async throws {
        let error = try #require(try await mapError("local n = 1\nif r.name then error('no mapping for ' .. r.name) end"))
        #expect(error.code == .runtime && error.line == 3)
        #expect(error.message == "no mapping for mro_order_created")
        #expect(error.description == "hostile.lua:3: hook 'map': no mapping for mro_order_created (runtime)")
    }

    @Test func hookDefinitionMustBeAFunction() async throws {
        try await ScriptDirectory.with(["odd.lua": "map = 5"]) { directory in
            let error = try #require(throws: HookError.self) { try HookRuntime(path: directory.path, logger: quietLogger) }
            #expect(error.code == .invalidDefinition && error.file == "odd.lua")
        }
    }
}
