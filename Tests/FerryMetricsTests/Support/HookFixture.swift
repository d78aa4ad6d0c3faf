import FerryMetrics
import Foundation
import HookRuntime
import Logging

/// A hook runtime over a temporary script directory whose `health` passes and whose `gate` raises an error.
enum HookFixture {
    static let scripts = [
        "policy.lua": """
            function health(ctx) return {ok = true, reason = "fine"} end
            function gate(ctx) error("refusing to decide") end
            """
    ]

    static func withRuntime<T>(factory: FerryMetricsFactory, _ body: (HookRuntime) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in scripts {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var logger = Logger(label: "hook-metrics-test")
        logger.logLevel = .warning
        let runtime = try HookRuntime(path: directory.path, logger: logger, metricsFactory: factory)
        return try await body(runtime)
    }
}
