import Foundation
import HookRuntime
import Logging
import MigrationEngine
import Testing

@Suite struct ReadinessStepGuardTests {
    static let saturdayTwoAM: Int64 = 1_764_381_600_000

    func request(_ from: MigrationStage, _ direction: StageDirection = .advance) -> StageStepRequest {
        let to = direction == .advance ? from.next! : from.previous!
        let topic = MigrationTopic(name: "orders", groups: ["billing"], ordered: false, stage: from)
        return StageStepRequest(
            task: ReadinessFixtures.task, topic: topic, move: StageMove(topic: "orders", from: from, to: to),
            direction: direction)
    }

    func guardOver(
        _ facts: TopicFacts?, hooks: HookRuntime? = nil, options: ReadinessGuardOptions = ReadinessGuardOptions(),
        now: Int64 = ReadinessFixtures.now
    ) -> ReadinessStepGuard {
        ReadinessStepGuard(facts: StaticFactsSource(facts.map { [$0] } ?? []), hooks: hooks, options: options, now: { now })
    }

    static func hooks(_ scripts: [String: String]) throws -> HookRuntime {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-readiness-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in scripts {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try HookRuntime(path: dir.path, logger: Logger(label: "test"))
    }

    static var exampleGate: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/hooks/50_gate_window.lua").path
    }

    func refusal(_ verdict: StageStepVerdict) -> String? {
        if case .refuse(let reason) = verdict { return reason }
        return nil
    }

    @Test func completedIsAllowedOnADrainedSource() async {
        #expect(await guardOver(ReadinessFixtures.ready()).check(request(.cuttingOver)) == .allow)
    }

    @Test func completedIsRefusedWhileTheSourceHasBacklog() async {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].sourceBacklog = [ReadinessFixtures.q0: 4]
        let reason = refusal(await guardOver(facts).check(request(.cuttingOver)))
        #expect(reason?.contains("backlogDrained: the source still has unconsumed messages (billing 4") == true)
    }

    @Test func completedIsRefusedWhileDelayedOrHalfMessagesArePending() async {
        var facts = ReadinessFixtures.ready()
        facts.pendingDelayed = 1
        facts.pendingHalf = 2
        let reason = refusal(await guardOver(facts).check(request(.cuttingOver))) ?? ""
        #expect(reason.contains("delayedDrained: 1 delayed message(s)"))
        #expect(reason.contains("halfDrained: 2 transactional half message(s)"))
    }

    @Test func completedIsRefusedWhileAProducerWritesToTheSourceDirectly() async {
        var facts = ReadinessFixtures.ready()
        facts.sourceWrites = ReadinessFixtures.writes(idle: 0)
        let reason = refusal(await guardOver(facts).check(request(.cuttingOver))) ?? ""
        #expect(reason.contains("sourceQuiet: last write 0 s ago on the source"))
    }

    @Test func missingFactsRefuse() async {
        let reason = refusal(await guardOver(nil).check(request(.initial)))
        #expect(reason?.contains("not gathered yet") == true)
    }

    @Test func everyFailingCheckIsListed() async {
        var facts = ReadinessFixtures.ready()
        facts.targetBrokerNames = ["src-a"]
        facts.topicOnTarget = false
        let reason = refusal(await guardOver(facts).check(request(.initial))) ?? ""
        #expect(reason.contains("targetResources:"))
        #expect(reason.contains("brokerNamesUnique:"))
    }

    @Test func ignoreHealthOverridesChecksButNotGates() async throws {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].sourceBacklog = [ReadinessFixtures.q0: 4]
        let hooks = try Self.hooks(["gate.lua": "function gate(ctx) return {allow=false, reason='change freeze'} end"])
        let step = guardOver(
            facts, hooks: hooks, options: ReadinessGuardOptions(ignoreHealth: HealthOverride(actor: "ops", reason: "test")))
        #expect(await step.check(request(.cuttingOver)) == .allow)
        #expect(refusal(await step.gate(request(.cuttingOver)))?.contains("change freeze") == true)
    }

    @Test func exampleGateRefusesOutsideItsWindowAndAllowsInside() async throws {
        let hooks = try HookRuntime(path: Self.exampleGate, logger: Logger(label: "test"))
        let thursday = guardOver(ReadinessFixtures.ready(), hooks: hooks)
        let reason = refusal(await thursday.gate(request(.dualReadWrite)))
        #expect(reason?.contains("Thu 12:00 UTC is outside the weekend 01:00-05:00 window") == true)
        let saturday = guardOver(ReadinessFixtures.ready(), hooks: hooks, now: Self.saturdayTwoAM)
        #expect(await saturday.gate(request(.dualReadWrite)) == .allow)
    }

    @Test func aGateThatErrorsRefusesWithFileAndLine() async throws {
        let hooks = try Self.hooks(["60_broken.lua": "function gate(ctx)\n  local x = nil\n  return x.allow\nend\n"])
        let reason = refusal(await guardOver(ReadinessFixtures.ready(), hooks: hooks).gate(request(.initial))) ?? ""
        #expect(reason.contains("60_broken.lua:3"))
    }

    @Test func aHealthHookOfTheWrongShapeRefusesWithFileAndLine() async throws {
        let hooks = try Self.hooks(["41_shape.lua": "function health(ctx)\n  return 42\nend\n"])
        let reason = refusal(await guardOver(ReadinessFixtures.ready(), hooks: hooks).check(request(.initial))) ?? ""
        #expect(reason.contains("health failed"))
        #expect(reason.contains("41_shape.lua"))
    }

    @Test func aHealthHookRelaxesAndTightensBuiltInChecksByName() async throws {
        var facts = ReadinessFixtures.ready()
        facts.groups[0].sourceBacklog = [ReadinessFixtures.q0: 4]
        let relax = try Self.hooks([
            "relax.lua": """
                function health(ctx)
                  local small = ctx.facts.backlog.billing <= 10
                  return {ok = small, checks = {{name = "backlogDrained", ok = small, reason = "small backlog accepted"}}}
                end
                """
        ])
        #expect(await guardOver(facts, hooks: relax).check(request(.cuttingOver)) == .allow)
        let tighten = try Self.hooks([
            "tighten.lua": """
                function health(ctx)
                  local ok = ctx.facts.quiet_seconds >= 3600
                  return {ok = ok, checks = {{name = "sourceQuiet", ok = ok, reason = "an hour of quiet needed"}}}
                end
                """
        ])
        let reason = refusal(await guardOver(ReadinessFixtures.ready(), hooks: tighten).check(request(.cuttingOver)))
        #expect(reason?.contains("sourceQuiet: an hour of quiet needed (health hook)") == true)
    }

    @Test func rollbackIsNeverGated() async throws {
        let hooks = try Self.hooks(["gate.lua": "function gate(ctx) return {allow=false, reason='no'} end"])
        #expect(await guardOver(ReadinessFixtures.ready(), hooks: hooks).gate(request(.cuttingOver, .rollback)) == .allow)
    }

    @Test func rollbackFromCompletedIsRefusedPastTheWindowUnlessForced() async {
        let facts = ReadinessFixtures.ready()
        let window = ReadinessGuardOptions(rollbackWindowMillis: 5 * ReadinessFixtures.minute)
        let reason = refusal(await guardOver(facts, options: window).check(request(.completed, .rollback)))
        #expect(reason?.contains("nobody has written the source for 600 s (window 300 s)") == true)
        let wide = ReadinessGuardOptions(rollbackWindowMillis: 60 * ReadinessFixtures.minute)
        #expect(await guardOver(facts, options: wide).check(request(.completed, .rollback)) == .allow)
        let forced = ReadinessGuardOptions(forceRollback: true, rollbackWindowMillis: 0)
        #expect(await guardOver(facts, options: forced).check(request(.completed, .rollback)) == .allow)
        #expect(await guardOver(facts, options: window).check(request(.cuttingOver, .rollback)) == .allow)
    }
}
