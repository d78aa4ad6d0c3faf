import Foundation
import HookRuntime
import Logging
import Testing
import TrafficReadiness

@Suite(.timeLimit(.minutes(2)))
struct HookReloaderTests {
    static func gate(_ allow: Bool) -> String {
        "function gate(ctx) return {allow = \(allow), reason = \"\(allow ? "open" : "closed")\"} end\n"
    }

    static func decision(_ runtime: HookRuntime) async throws -> Bool {
        try await runtime.gate(GateContext(topic: "t", stage: 2, nextStage: 3, time: 0, taskID: "task")).allow
    }

    @Test func aChangedScriptIsPickedUpWithoutARestartAndABrokenOneKeepsTheOldSet() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-reload-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("50_gate.lua")
        try Self.gate(true).write(to: file, atomically: true, encoding: .utf8)
        let runtime = try HookRuntime(path: dir.path, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let reloader = HookReloader(runtime: runtime, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(try await Self.decision(runtime))

        let watcher = Task { await reloader.run(every: .milliseconds(50)) }
        defer { watcher.cancel() }
        try Self.gate(false).write(to: file, atomically: true, encoding: .utf8)
        var reloaded = false
        for _ in 0..<400 where !reloaded {
            try await Task.sleep(for: .milliseconds(50))
            reloaded = try await !Self.decision(runtime)
        }
        #expect(reloaded)

        try "function gate(ctx) return {allow = \n".write(to: file, atomically: true, encoding: .utf8)
        #expect(await reloader.reload() == false)
        #expect(try await Self.decision(runtime) == false)
    }
}
