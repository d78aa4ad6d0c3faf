import Testing

@testable import HookRuntime

/// Whatever the runtime hands a hook is a valid return value: the identity hook of every kind
/// leaves everything as it was, on every built-in sample.
@Suite struct RoundTripTests {
    private static let identity = """
        function map(r) return r end
        function health(ctx) return ctx end
        function gate(ctx) return ctx end
        """

    @Test(arguments: HookSamples.builtIn.map)
    func mapReturningItsInputChangesNothing(resource: HookResource) async throws {
        try await ScriptDirectory.with(["identity.lua": Self.identity]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let result = try #require(try await runtime.map(resource))
            #expect(result.applied(to: resource) == resource)
        }
    }

    @Test func groupWithNoQueuesRoundTrips() async throws {
        try await ScriptDirectory.with(["identity.lua": Self.identity]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let group = HookResource(kind: .group, name: "GID_x", queues: 0, perm: 6, cluster: "c")
            #expect(try await runtime.map(group)?.queues == 0)
        }
    }

    @Test func healthReturningItsInputIsOk() async throws {
        try await ScriptDirectory.with(["identity.lua": Self.identity]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            for context in HookSamples.builtIn.health {
                #expect(try await runtime.health(context) == HealthVerdict(ok: true))
            }
        }
    }

    @Test func gateReturningItsInputAllows() async throws {
        try await ScriptDirectory.with(["identity.lua": Self.identity]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            for context in HookSamples.builtIn.gate {
                #expect(try await runtime.gate(context) == GateDecision(allow: true, reason: ""))
            }
        }
    }

    @Test func aVerdictSetOnTheInputCounts() async throws {
        let script = """
            function health(ctx) ctx.ok = false; ctx.reason = 'lagging'; return ctx end
            function gate(ctx) ctx.allow = false; ctx.reason = 'closed'; return ctx end
            """
        try await ScriptDirectory.with(["edit.lua": script]) { directory in
            let runtime = try HookRuntime(path: directory.path, logger: quietLogger)
            let verdict = try await runtime.health(HookSamples.builtIn.health[0])
            #expect(!verdict.ok && verdict.reason == "lagging")
            let decision = try await runtime.gate(HookSamples.builtIn.gate[0])
            #expect(!decision.allow && decision.reason == "closed")
        }
    }

    @Test func hooksCheckPassesTheIdentityHooks() async throws {
        try await ScriptDirectory.with(["identity.lua": Self.identity]) { directory in
            let report = await HookCheck.run(path: directory.path, logger: quietLogger)
            #expect(!report.failed, "\(report)")
            let runs = HookSamples.builtIn.map.count + HookSamples.builtIn.health.count + HookSamples.builtIn.gate.count
            #expect(report.runs.count == runs)
        }
    }
}
