import Foundation
import Testing

@testable import HookRuntime

/// Work Lua does inside one C call (pattern backtracking, library loops over script-controlled
/// counts, parsing, long-string instructions) still ends at the deadline, and the runtime serves the
/// next call. The slack itself (≤ 2× the deadline) is measured by `scripts/bench.sh hooks-runaway`.
@Suite(.timeLimit(.minutes(5))) struct RunawayCallTests {
    private static let limits = HookLimits(instructions: .max, deadline: .milliseconds(100))
    private static let resource = HookResource(kind: .topic, name: "mro_order_created")

    /// Hostile `map` bodies; each must stop with one of the listed codes.
    static let cases: [(body: String, codes: Set<HookError.Code>)] = [
        ("return string.rep('a', 30000):find('.-.-.-.-b')", [.deadline]),
        ("return ('a'):rep(30000):match('(.-)(.-)(.-)(.-)b')", [.deadline]),
        ("for _ in ('a'):rep(30000):gmatch('.-.-.-b') do end", [.deadline]),
        ("return ('a'):rep(30000):gsub('.-.-.-b', '')", [.deadline]),
        ("return ('a'):rep(20000):find('(a*)*b')", [.deadline, .runtime]),
        ("while true do local _ = (''):rep(1e15, '') end", [.deadline]),
        ("return table.concat(setmetatable({}, {__index = rawlen}), '', 1, 1e12)", [.deadline, .memoryLimit]),
        ("table.remove(setmetatable({}, {__len = function() return 1e15 end}), 1)", [.deadline]),
        ("table.insert(setmetatable({}, {__len = function() return 1e15 end}), 1, 1)", [.deadline]),
        ("table.move({}, 1, 1e15, 2)", [.deadline]),
        ("table.sort(setmetatable({}, {__len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawlen}))", [.deadline]),
        ("local t = {} for i = 1, 1e6 do t[i] = -i end table.sort(t, function(a, b) return a < b end)", [.deadline, .memoryLimit]),
        ("local t = {} for i = 1, 5e5 do t[i] = tostring(i) end while true do table.sort(t) end", [.deadline, .memoryLimit]),
        ("local t = {} for i = 1, 1e6 do t[i] = 'x' end while true do local _ = table.concat(t) end", [.deadline, .memoryLimit]),
        ("while true do local _ = select('#', table.unpack({}, 1, 5e5)) end", [.deadline]),
        ("while true do local _ = utf8.char(table.unpack(setmetatable({}, {__index = function() return 65 end}), 1, 9e5)) end", [.deadline]),
        ("local s = ('\\u{4e2d}'):rep(3e5) while true do utf8.len(s) end", [.deadline]),
        ("local s = ('x'):rep(1e6) while true do local _ = s:upper() end", [.deadline]),
        ("local s = ('x'):rep(1e6) while true do s:find('y', 1, true) end", [.deadline]),
        ("local a, b = ('x'):rep(1e6) .. 'a', ('x'):rep(1e6) .. 'b' while true do local _ = a < b end", [.deadline]),
        ("local s = (' '):rep(1e6) .. '1' while true do local _ = s + 0 end", [.deadline]),
        ("local s = ('x = 1 '):rep(1e5) while true do load(s) end", [.deadline]),
        ("while true do pcall(string.rep, 'x', 1e9) end", [.deadline]),
        ("while true do local _ = string.format('%99d%s', 1, ('x'):rep(1e5)) end", [.deadline]),
        ("local t = {} for i = 1, 1e5 do t[i] = i end while true do local _ = tostring(t) end", [.deadline]),
        ("local function f() return f() + 1 end return f()", [.deadline, .runtime, .memoryLimit]),
        ("local t = {} for i = 1, 3000 do t = setmetatable({}, {__index = t}) end while true do local _ = t.x end", [.deadline, .runtime]),
    ]

    @Test(arguments: cases.indices)
    func endsAtTheDeadlineAndTheRuntimeServesOn(index: Int) async throws {
        let (body, codes) = Self.cases[index]
        let script = "function map(r)\n\(body)\nend\nfunction gate(ctx) return {allow = true, reason = ctx.topic} end"
        try await ScriptDirectory.with(["runaway.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, limits: Self.limits, logger: quietLogger)
            let clock = ContinuousClock()
            let start = clock.now
            let error = try await #require(throws: HookError.self, "\(body)") { try await runtime.map(Self.resource) }
            let elapsed = clock.now - start
            #expect(codes.contains(error.code), "\(body): \(error)")
            // Minutes before the fix; the ≤ 2× figure is a benchmark, this only has to hold on a loaded CI host.
            #expect(elapsed < .seconds(3), "\(body) took \(elapsed)")
            let context = GateContext(topic: "after", stage: 0, nextStage: 1, time: 0, taskID: "t")
            #expect(try await runtime.gate(context).reason == "after")
        }
    }

    @Test func boundedFunctionsKeepLuaResults() async throws {
        let script = #"""
            function map(r)
                local parts = {}
                for k, v in ("a=1, b=22"):gmatch("(%w+)=(%w+)") do parts[#parts + 1] = k .. v end
                local sorted = {5, 3, 9, 1}
                table.sort(sorted, function(a, b) return a > b end)
                table.insert(sorted, 1, 0)
                local moved = table.move({1, 2, 3}, 1, 3, 2)
                local swapped = ("key=val"):gsub("(%w+)=(%w+)", "%2=%1")
                local s, e, cap = ("THE (quick) fox"):find("%((%a+)%)")
                return {name = table.concat({
                    table.concat(parts, ","), table.concat(sorted, " "), table.concat(moved, ""), swapped,
                    s .. "-" .. e .. cap, ("x"):rep(3, "."), ("[a(b)c]"):match("%b()"),
                    select("#", table.unpack({1, 2, 3})), table.remove(sorted), ("abc"):gsub("", "-"),
                    tostring(("hello"):find("l", 1, true)), load("return 40 + 2")(), #(""):rep(1e18),
                }, "|")}
            end
            """#
        try await ScriptDirectory.with(["lib.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let name = try #require(try await runtime.map(Self.resource)?.name)
            #expect(name == "a1,b22|0 9 5 3 1|1123|val=key|5-11quick|x.x.x|(b)|3|1|-a-b-c-|3|42|0")
        }
    }

    @Test func stringsLargerThanTheCapAreMemoryErrors() async throws {
        try await ScriptDirectory.with(["big.lua": "function map(r) return {name = ('x'):rep(2 << 20)} end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let error = try await #require(throws: HookError.self) { try await runtime.map(Self.resource) }
            #expect(error.code == .memoryLimit)
        }
    }
}
