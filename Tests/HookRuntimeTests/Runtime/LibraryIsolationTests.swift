import Foundation
import Testing

@testable import HookRuntime

/// No script can change the libraries another script sees, through any path a proxy offers.
@Suite struct LibraryIsolationTests {
    /// Tries every way of reaching a library's backing table and writing into it.
    private static let attacker = """
        local function try(f) pcall(f) end
        try(function() local _, s = pairs(string); s.upper = function() return "pwned" end end)
        try(function() local _, o = pairs(os); o.time = function() return 0 end end)
        try(function() local f, s = pairs(string); local _, t = f(s, nil); rawset(s, 'upper', nil) end)
        try(function() for _, lib in pairs(_G) do if type(lib) == 'table' then lib.upper = nil end end end)
        try(function() getmetatable(string).__index.upper = nil end)
        function map(r) return {name = string.upper(r.name)} end
        """

    private static let victim = """
        function gate(ctx)
            local now = os.time()
            return {allow = now > 1000000000, reason = string.upper("ok") .. " " .. tostring(now)}
        end
        """

    @Test func aScriptCannotRewriteAnotherScriptsLibraries() async throws {
        try await ScriptDirectory.with(["a.lua": Self.attacker, "b.lua": Self.victim]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            #expect(try await runtime.map(HookResource(kind: .topic, name: "t"))?.name == "T")
            let decision = try await runtime.gate(GateContext(topic: "t", stage: 2, nextStage: 3, time: 0, taskID: "x"))
            #expect(decision.allow)
            #expect(decision.reason.hasPrefix("OK "))
        }
    }

    @Test func pairsOnALibraryGivesItsFunctionsButNotItsTable() async throws {
        let script = """
            function map(r)
                local names, state = {}, nil
                local iterate, proxy = pairs(string)
                for name in iterate, proxy do names[#names + 1] = name end
                table.sort(names)
                return {name = tostring(rawequal(proxy, string)) .. ":" .. #names .. ":" .. names[1]}
            end
            """
        try await ScriptDirectory.with(["p.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            #expect(try await runtime.map(HookResource(kind: .topic, name: "t"))?.name == "true:16:byte")
        }
    }
}
