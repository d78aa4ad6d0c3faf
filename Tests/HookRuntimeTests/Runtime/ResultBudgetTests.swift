import Foundation
import Testing

@testable import HookRuntime

/// Hook results are checked for shape and size while they are converted, so a result built to be
/// expensive to copy fails fast instead of taking seconds and gigabytes outside the Lua limits.
@Suite(.timeLimit(.minutes(2))) struct ResultBudgetTests {
    /// A table of shared subtables: 2^depth references to walk, a few hundred bytes in Lua.
    private static let sharedTree = "local t = {} for i = 1, 24 do t = {t, t} end"

    private func healthError(_ body: String) async throws -> (HookError, Duration) {
        try await ScriptDirectory.with(["h.lua": "function health(ctx) \(body) end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let start = ContinuousClock.now
            let error = try await #require(throws: HookError.self) {
                try await runtime.health(HealthContext(topic: "t", stage: 1, nextStage: 2))
            }
            return (error, ContinuousClock.now - start)
        }
    }

    @Test(arguments: [
        ("\(sharedTree) return {ok = true, checks = {deep = {ok = true, reason = t}}}", "nested more than"),
        ("local c = {} for i = 1, 20000 do c['c' .. i] = true end return {ok = true, checks = c}", "more than 10000 table entries"),
        ("local r = ('x'):rep(1000000) local c = {} for i = 1, 8 do c['c' .. i] = {ok = true, reason = r} end return {ok = true, checks = c}", "bytes of strings"),
        ("local c = {ok = true} for i = 1, 12 do c = {ok = true, checks = {c, c}} end return c", "nested more than"),
    ])
    func oversizedHealthResultsFailFast(body: String, problem: String) async throws {
        let (error, elapsed) = try await healthError(body)
        #expect(error.code == .wrongShape && error.hook == .health)
        #expect(error.message.contains(problem), "\(error.message)")
        #expect(elapsed < .seconds(2))
    }

    @Test func sharedSubtablesInAGateResultFailFast() async throws {
        let script = "function gate(ctx) \(Self.sharedTree) return {allow = true, reason = t} end"
        try await ScriptDirectory.with(["g.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let start = ContinuousClock.now
            let error = try await #require(throws: HookError.self) {
                try await runtime.gate(GateContext(topic: "t", stage: 1, nextStage: 2, time: 0, taskID: "x"))
            }
            #expect(error.code == .wrongShape && error.message.contains("nested more than 1 deep"))
            #expect(ContinuousClock.now - start < .seconds(2))
        }
    }

    @Test func theReaderStopsAtItsEntryBudget() throws {
        let state = try LuaState(limits: HookLimits(), host: LuaHostBridge(logger: quietLogger))
        try state.run("\(Self.sharedTree) return t", results: 1)
        let budget = LuaReadBudget(entries: 1_000, bytes: 1 << 20, depth: 64)
        let error = try #require(throws: LuaReadError.self) { try state.value(at: -1, budget: budget) }
        #expect(error.reason == .tooLarge(budget))
    }

    @Test func aHugeDeadlineDoesNotWrapAround() async throws {
        let forever = HookLimits(deadline: .seconds(Int64.max), loadDeadline: .seconds(Int64.max))
        let script = "function map(r) local n = 0 for i = 1, 100000 do n = n + i end return {queues = 8} end"
        try await ScriptDirectory.with(["slow.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, limits: forever, logger: quietLogger)
            #expect(try await runtime.map(HookResource(kind: .topic, name: "t"))?.queues == 8)
        }
    }
}
