import Testing

@testable import HookRuntime

/// Hot reload swaps the whole script set, or keeps the old one when the new one is broken.
@Suite struct ReloadTests {
    private static let resource = HookResource(kind: .topic, name: "orders")

    @Test func goodToBrokenKeepsGood() async throws {
        try await ScriptDirectory.with(["a.lua": "function map(r) return {namespace = 'v1'} end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            try directory.replace(with: [
                "a.lua": "function map(r) return {namespace = 'v2'} end",
                "b.lua": "function gate(ctx) return {allow = false} end\nfunction health(",
            ])
            let error = try await #require(throws: HookError.self) { try await runtime.reload() }
            #expect(error.code == .syntax && error.file == "b.lua")
            #expect(try await runtime.map(Self.resource)?.namespace == "v1")
            #expect(await runtime.registry.scripts.map(\.file) == ["a.lua"])
            #expect(try await runtime.gate(GateContext(topic: "t", stage: 0, nextStage: 1, time: 0, taskID: "x")).allow)
        }
    }

    @Test func goodToGoodSwaps() async throws {
        try await ScriptDirectory.with(["a.lua": "function map(r) return {namespace = 'v1'} end"]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            try directory.replace(with: ["b.lua": "function gate(ctx) return {allow = false, reason = 'v2'} end"])
            let registry = try await runtime.reload()
            #expect(registry == HookRegistry(scripts: [.init(file: "b.lua", hooks: [.gate])]))
            #expect(try await runtime.map(Self.resource) == MapResult())
            let decision = try await runtime.gate(GateContext(topic: "t", stage: 0, nextStage: 1, time: 0, taskID: "x"))
            #expect(decision == GateDecision(allow: false, reason: "v2", refusedBy: "b.lua"))
        }
    }
}
