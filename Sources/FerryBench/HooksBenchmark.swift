import Foundation
import HookRuntime
import Logging

/// Maps 100,000 topic names through the example mapping hooks in `scripts/hooks`, through the
/// built-in default mapping in Swift, and through an unlimited state to price the sandbox limits.
enum HooksBenchmark {
    static let count = 100_000

    static func run() async throws {
        let directory = "scripts/hooks"
        let single = "\(directory)/20_namespace_by_prefix.lua"
        let logger = Logger(label: "ferry.bench") { _ in SwiftLogNoOpLogHandler() }
        let prefixes = ["mro", "pay", "wms", "crm", "tms", "oms", "ads", "iam"]
        let resources = (0..<count).map { index in
            HookResource(
                kind: .topic,
                name: "\(prefixes[index % prefixes.count])_event_\(index)",
                queues: 4 + index % 32,
                cluster: "DefaultCluster"
            )
        }

        let limited = try HookRuntime(path: single, logger: logger)
        let unlimited = try HookRuntime(path: single, limits: nil, logger: logger)
        let chain = try HookRuntime(path: directory, logger: logger)
        let chainLength = await chain.registry.files(defining: .map).count

        // Interleaved rounds, best of five, so machine noise does not land on one configuration.
        var lua = Duration.seconds(1_000), unlimitedTime = lua, chainTime = lua, batch = lua, batchUnlimited = lua, swiftTime = lua
        for _ in 0..<5 {
            lua = min(lua, try await measure(limited, resources))
            unlimitedTime = min(unlimitedTime, try await measure(unlimited, resources))
            batch = min(batch, try await measureBatch(limited, resources))
            batchUnlimited = min(batchUnlimited, try await measureBatch(unlimited, resources))
            chainTime = min(chainTime, try await measure(chain, resources))
            swiftTime = min(swiftTime, measureSwift(resources))
        }

        report("lua map (20_namespace_by_prefix.lua, limits on)", lua, calls: count)
        report("lua map (unlimited state)", unlimitedTime, calls: count)
        report("lua map (scripts/hooks: \(chainLength) chained map hooks)", chainTime, calls: count * chainLength)
        report("lua map batched (one actor call for all, limits on)", batch, calls: count)
        report("lua map batched (unlimited state)", batchUnlimited, calls: count)
        report("swift default mapping", swiftTime, calls: count)
        print(String(format: "lua / swift ratio: %.1fx per call, %.1fx batched", lua.inSeconds / swiftTime.inSeconds, batch.inSeconds / swiftTime.inSeconds))
        print(
            String(
                format: "sandbox limits (budget hook + counting allocator) add: %.1f%% per call, %.1f%% batched",
                (lua.inSeconds / unlimitedTime.inSeconds - 1) * 100,
                (batch.inSeconds / batchUnlimited.inSeconds - 1) * 100
            )
        )
    }

    private static func measure(_ runtime: HookRuntime, _ resources: [HookResource]) async throws -> Duration {
        var mapped = 0
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            for resource in resources where try await runtime.map(resource) != nil {
                mapped += 1
            }
        }
        precondition(mapped > 0, "the mapping hook skipped every topic")
        return elapsed
    }

    private static func measureBatch(_ runtime: HookRuntime, _ resources: [HookResource]) async throws -> Duration {
        var mapped = 0
        let elapsed = try await ContinuousClock().measure {
            for result in await runtime.map(resources) where try result.get() != nil {
                mapped += 1
            }
        }
        precondition(mapped > 0, "the mapping hook skipped every topic")
        return elapsed
    }

    /// The built-in default mapping: the part before `%` is the namespace, else `default`; queue
    /// counts clamp to 3...16.
    private static func measureSwift(_ resources: [HookResource]) -> Duration {
        var changed = 0
        let elapsed = ContinuousClock().measure {
            for resource in resources {
                let parts = resource.name.split(separator: "%", maxSplits: 1)
                let namespace = parts.count == 2 ? String(parts[0]) : "default"
                let result = MapResult(namespace: namespace, queues: min(max(resource.queues, 3), 16))
                if result.applied(to: resource) != resource { changed += 1 }
            }
        }
        precondition(changed >= 0)
        return elapsed
    }

    private static func report(_ label: String, _ elapsed: Duration, calls: Int) {
        let total = elapsed.inSeconds
        print(String(format: "%@: %.0f calls/s, %.0f ns/call", label, Double(calls) / total, total / Double(calls) * 1e9))
    }
}
