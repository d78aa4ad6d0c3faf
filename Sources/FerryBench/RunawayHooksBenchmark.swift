import Foundation
import HookRuntime
import Logging

/// Runs hostile `map` hooks (pattern backtracking, library loops, long-string instructions, parsing)
/// under a 100 ms deadline and reports how long each call took: the guarantee is ≤ 2× the deadline.
enum RunawayHooksBenchmark {
    static let deadline = Duration.milliseconds(100)

    static let bodies = [
        "return string.rep('a', 30000):find('.-.-.-.-b')",
        "return ('a'):rep(30000):gsub('.-.-.-b', '')",
        "table.sort(setmetatable({}, {__len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawlen}))",
        "local t = {} for i = 1, 1e6 do t[i] = -i end table.sort(t, function(a, b) return a < b end)",
        "return table.concat(setmetatable({}, {__index = rawlen}), '', 1, 1e12)",
        "table.move({}, 1, 1e15, 2)",
        "local s = ('x'):rep(1e6) while true do local _ = s:upper() end",
        "local a, b = ('x'):rep(1e6) .. 'a', ('x'):rep(1e6) .. 'b' while true do local _ = a < b end",
        "local s = (' '):rep(1e6) .. '1' while true do local _ = s + 0 end",
        "local s = ('x = 1 '):rep(1e5) while true do load(s) end",
        "while true do pcall(string.rep, 'x', 1e9) end",
        "return utf8.char(table.unpack(setmetatable({}, {__index = function() return 65 end}), 1, 9e5))",
    ]

    static func run() async throws {
        let logger = Logger(label: "ferry.bench") { _ in SwiftLogNoOpLogHandler() }
        let limits = HookLimits(instructions: .max, deadline: deadline)
        let resource = HookResource(kind: .topic, name: "t")
        let directory = FileManager.default.temporaryDirectory.appending(path: "ferry-runaway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var worst = Duration.zero
        for body in bodies {
            let file = directory.appending(path: "runaway.lua")
            try "function map(r)\n\(body)\nend\nfunction gate(c) return {allow = true} end".write(to: file, atomically: true, encoding: .utf8)
            let runtime = try HookRuntime(path: file.path, limits: limits, logger: logger)
            var slowest = Duration.zero
            for _ in 0..<5 {
                let start = ContinuousClock.now
                _ = try? await runtime.map(resource)
                slowest = max(slowest, ContinuousClock.now - start)
                _ = try await runtime.gate(GateContext(topic: "t", stage: 0, nextStage: 1, time: 0, taskID: "x"))
            }
            worst = max(worst, slowest)
            print(String(format: "%6.1f ms (%.2fx deadline)  %@", slowest.inSeconds * 1000, slowest.inSeconds / deadline.inSeconds, body))
        }
        print(String(format: "worst: %.1f ms = %.2fx the %.0f ms deadline", worst.inSeconds * 1000, worst.inSeconds / deadline.inSeconds, deadline.inSeconds * 1000))
    }
}
