import Foundation
import Testing

@testable import HookRuntime

/// Property tests of the hook-result decoders: random results (and a few built to be expensive)
/// never crash or stall the runtime; a refused result is a `wrongShape` error; an accepted one is
/// valid; and `health`/`gate` agree with decoding the same value built in Swift.
///
/// CI runs a bounded number of inputs; a longer run by hand:
/// `FERRY_FUZZ_ITERATIONS=200000 swift test --filter HookDecoderFuzzTests` (`FERRY_FUZZ_SEED` picks
/// another seed). Each test prints how many inputs it ran.
@Suite(.timeLimit(.minutes(10))) struct HookDecoderFuzzTests {
    /// Inputs per script load (the script holds one generator function per input).
    private static let batch = 250

    private static let resource = HookResource(kind: .group, name: "GID_x", queues: 0, perm: 6, cluster: "c")

    /// A script whose `hook` returns the next value of `expressions` on each call.
    private static func script(hook: String, expressions: [String]) -> String {
        let values = expressions.map { "function() return \($0) end" }.joined(separator: ",\n")
        return "local values, i = {\n\(values)\n}, 0\nfunction \(hook)(input) i = i + 1 return values[i]() end\n"
    }

    /// Runs `count` inputs in batches: `make` builds each input's (expression, expected value),
    /// `check` calls the hook once and checks the outcome.
    private func run(
        hook: String,
        count: Int,
        make: (inout LuaValueGenerator) -> (String, LuaValue?),
        check: (HookRuntime, LuaValue?) async throws -> Void
    ) async throws {
        var generator = LuaValueGenerator(random: FuzzRandom(seed: FuzzRandom.seed))
        var done = 0
        while done < count {
            let inputs = (0..<min(Self.batch, count - done)).map { _ in make(&generator) }
            let script = Self.script(hook: hook, expressions: inputs.map(\.0))
            try await ScriptDirectory.with(["fuzz.lua": script]) { directory in
                // The default instruction and memory budgets, but wall-clock limits a loaded CI machine cannot
                // reach: what is checked here is the shape of results (a deadline is tested on its own).
                let limits = HookLimits(deadline: .seconds(10), loadDeadline: .seconds(10))
                let runtime = try HookRuntime(path: directory.path, limits: limits, logger: quietLogger)
                for (_, expected) in inputs { try await check(runtime, expected) }
            }
            done += inputs.count
        }
        print("\(hook) result fuzz: \(done) inputs")
    }

    /// One input: mostly a generated value (expected known), sometimes a bomb (expected refused).
    private static func input(_ generator: inout LuaValueGenerator, depth: Int) -> (String, LuaValue?) {
        if Int.random(in: 0..<40, using: &generator.random) == 0 {
            let bombs = LuaValueGenerator.bombs
            return (bombs[Int.random(in: 0..<bombs.count, using: &generator.random)], nil)
        }
        let value = Bool.random(using: &generator.random) ? generator.table(depth: depth) : generator.value(depth: depth)
        return (LuaValueGenerator.literal(value), value)
    }

    @Test func mapResults() async throws {
        try await run(hook: "map", count: FuzzRandom.iterations(ci: 500), make: { Self.input(&$0, depth: 2) }) { runtime, _ in
            do throws(HookError) {
                guard let result = try await runtime.map(Self.resource) else { return }
                #expect(result.queues.map { $0 >= 1 || $0 == Self.resource.queues } ?? true)
                #expect(result.perm.map { (0...15).contains($0) } ?? true)
                #expect(result.name.map { !$0.isEmpty } ?? true)
            } catch {
                #expect(error.code == .wrongShape, "\(error)")
            }
        }
    }

    @Test func healthResults() async throws {
        let context = HealthContext(topic: "t", stage: 1, nextStage: 2)
        try await run(hook: "health", count: FuzzRandom.iterations(ci: 500), make: { Self.input(&$0, depth: 3) }) { runtime, expected in
            let outcome: Result<HealthVerdict, HookError>
            do throws(HookError) { outcome = .success(try await runtime.health(context)) } catch { outcome = .failure(error) }
            try Self.compare(outcome, expected.map { value in Result { try HealthVerdict.decode(value) } })
        }
    }

    @Test func gateResults() async throws {
        let context = GateContext(topic: "t", stage: 1, nextStage: 2, time: 0, taskID: "x")
        try await run(hook: "gate", count: FuzzRandom.iterations(ci: 500), make: { Self.input(&$0, depth: 2) }) { runtime, expected in
            let outcome: Result<GateDecision, HookError>
            do throws(HookError) { outcome = .success(try await runtime.gate(context)) } catch { outcome = .failure(error) }
            try Self.compare(outcome.map { GateDecision(allow: $0.allow, reason: $0.reason) }, expected.map { value in Result { try GateDecision.decode(value) } })
        }
    }

    /// The runtime's outcome against decoding the generated value directly (`nil`: a bomb, which must be refused).
    private static func compare<Decoded: Equatable>(_ outcome: Result<Decoded, HookError>, _ oracle: Result<Decoded, any Error>?) throws {
        switch (outcome, oracle) {
        case (.failure(let error), _):
            #expect(error.code == .wrongShape, "\(error)")
            if case .success(let value)? = oracle { Issue.record("runtime refused what decodes to \(value): \(error)") }
        case (.success(let value), nil):
            Issue.record("a bomb was accepted: \(value)")
        case (.success(let value), .success(let expected)?):
            #expect(value == expected)
        case (.success(let value), .failure(let problem)?):
            Issue.record("runtime accepted \(value), the decoder refuses it: \(problem)")
        }
    }
}
