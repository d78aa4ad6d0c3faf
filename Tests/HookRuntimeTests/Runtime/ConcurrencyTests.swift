import Testing

@testable import HookRuntime

/// Many tasks calling one runtime at once.
@Suite struct ConcurrencyTests {
    @Test func thousandConcurrentCallsGiveCorrectResults() async throws {
        let script = """
            local calls = 0
            function map(r)
                calls = calls + 1
                local n = tonumber(string.match(r.name, "%d+"))
                return {name = "t" .. n, queues = n % 7 + 1, namespace = "calls" .. calls}
            end
            """
        try await ScriptDirectory.with(["count.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let results = try await withThrowingTaskGroup(of: (Int, MapResult?).self) { group in
                for index in 0..<1_000 {
                    group.addTask {
                        (index, try await runtime.map(HookResource(kind: .topic, name: "topic_\(index)")))
                    }
                }
                return try await group.reduce(into: [Int: MapResult]()) { $0[$1.0] = $1.1 }
            }
            #expect(results.count == 1_000)
            for (index, result) in results {
                #expect(result.name == "t\(index)" && result.queues == index % 7 + 1)
            }
            // Each call ran exactly once, one at a time: the counter took every value 1...1000.
            #expect(Set(results.values.compactMap(\.namespace)) == Set((1...1_000).map { "calls\($0)" }))
        }
    }
}
