public import HookRuntime

/// The stage-step guard of issue 9: built-in readiness checks plus Lua `health` policies at
/// ``check(_:)``, Lua `gate`s at ``gate(_:)``.
///
/// * A forward step is checked (every failing check listed), then gated. `--ignore-health`
///   (``ReadinessGuardOptions/ignoreHealth``) skips the checks, never the gates.
/// * A rollback is never gated. From Completed it is refused once the source has seen no write for longer
///   than the rollback window, unless forced.
/// * A hook error, budget overrun or wrong return shape refuses the step, naming the script and line.
public struct ReadinessStepGuard: StageStepGuard {
    /// Where facts come from.
    public let facts: any ReadinessFactsSource
    /// The hook runtime, or `nil` when the task has no hooks.
    public let hooks: HookRuntime?
    /// Overrides and limits.
    public let options: ReadinessGuardOptions
    /// Unix milliseconds now (injectable for tests).
    public let now: @Sendable () -> Int64

    /// Makes a guard.
    public init(
        facts: any ReadinessFactsSource,
        hooks: HookRuntime?,
        options: ReadinessGuardOptions = ReadinessGuardOptions(),
        now: @escaping @Sendable () -> Int64
    ) {
        self.facts = facts
        self.hooks = hooks
        self.options = options
        self.now = now
    }

    /// Readiness of `topic`'s next forward step: built-in checks as the health hooks leave them.
    public func report(task: MigrationTask, topic: MigrationTopic) async -> ReadinessReport {
        guard let next = topic.stage.next else {
            return ReadinessReport(topic: topic.name, stage: topic.stage, nextStage: nil, effect: nil, checks: [])
        }
        guard let facts = await self.facts.facts(topic: topic.name, task: task) else {
            return ReadinessReport(
                topic: topic.name, stage: topic.stage, nextStage: next, effect: nil, checks: [],
                notes: ["facts: not gathered yet for \(topic.name); wait for the next refresh"])
        }
        let time = now()
        let checker = ReadinessChecker(policy: ReadinessPolicy(task: task))
        var report = ReadinessReport(
            topic: topic.name, stage: topic.stage, nextStage: next, effect: StageEffect.judge(topic.stage, facts: facts),
            checks: checker.results(forStepInto: next, facts: facts, now: time))
        if let hooks {
            await applyHealth(hooks, to: &report, facts: facts, now: time)
        }
        return report
    }

    /// Built-in checks and Lua health for an advance; rollbacks only meet the Completed rollback window.
    public func check(_ request: StageStepRequest) async -> StageStepVerdict {
        switch request.direction {
        case .rollback:
            return await rollbackCheck(request)
        case .advance:
            if options.ignoreHealth != nil { return .allow }
            var topic = request.topic
            topic.stage = request.move.from
            let report = await self.report(task: request.task, topic: topic)
            return report.ready ? .allow : .refuse(reason: report.reasons.joined(separator: "; "))
        }
    }

    /// Lua gates for an advance; rollbacks are never gated.
    public func gate(_ request: StageStepRequest) async -> StageStepVerdict {
        guard request.direction == .advance, let hooks else { return .allow }
        let time = now()
        let topicFacts = await self.facts.facts(topic: request.topic.name, task: request.task)
        let cuttingOver = request.task.topics.filter { $0.stage == .cuttingOver }.count
        let context = GateContext(
            topic: request.topic.name, stage: request.move.from.rawValue, nextStage: request.move.to.rawValue,
            time: time / 1000, taskID: request.task.name, cuttingOver: cuttingOver,
            maxCuttingOver: options.maxCuttingOver,
            extra: topicFacts.map { HookFacts.lua($0, now: time) } ?? [:])
        do throws(HookError) {
            let decision = try await hooks.gate(context)
            guard !decision.allow else { return .allow }
            let who = decision.refusedBy.map { "gate \($0)" } ?? "gate"
            return .refuse(reason: "\(who): \(decision.reason.isEmpty ? "refused" : decision.reason)")
        } catch {
            return .refuse(reason: "gate failed: \(error)")
        }
    }

    private func rollbackCheck(_ request: StageStepRequest) async -> StageStepVerdict {
        guard request.move.from == .completed, !options.forceRollback else { return .allow }
        guard let facts = await self.facts.facts(topic: request.topic.name, task: request.task),
            let quiet = facts.sourceWrites.quietMillis(now: now())
        else {
            return .refuse(reason: "rollback window: the source's last write is unknown; use --force to roll back anyway")
        }
        guard quiet <= options.rollbackWindowMillis else {
            return .refuse(
                reason: "rollback window: nobody has written the source for \(quiet / 1000) s "
                    + "(window \(options.rollbackWindowMillis / 1000) s); use --force to roll back anyway")
        }
        return .allow
    }

    private func applyHealth(_ hooks: HookRuntime, to report: inout ReadinessReport, facts: TopicFacts, now: Int64) async {
        guard let next = report.nextStage else { return }
        var extra = HookFacts.lua(facts, now: now)
        extra["checks"] = .fields(
            report.checks.reduce(into: [:]) { $0[$1.name] = ["ok": .boolean($1.ok), "reason": .string($1.reason)] })
        let context = HealthContext(
            topic: report.topic, stage: report.stage.rawValue, nextStage: next.rawValue,
            backlog: facts.groups.reduce(into: [:]) { $0[$1.group] = $1.totalSourceBacklog },
            clients: HookFacts.clientCounts(facts), writeTPS: facts.sourceWrites.writeTPS,
            lastWriteTime: facts.sourceWrites.lastWriteAt.map { $0 / 1000 }, extra: extra)
        do throws(HookError) {
            let verdict = try await hooks.health(context)
            for check in verdict.checks {
                let result = ReadinessCheckResult(name: check.name, ok: check.ok, reason: check.reason)
                if let index = report.checks.firstIndex(where: { $0.name == check.name }) {
                    report.checks[index] = ReadinessCheckResult(
                        name: check.name, ok: check.ok, reason: check.reason + " (health hook)",
                        facts: report.checks[index].facts)
                } else {
                    report.checks.append(result)
                }
            }
            if !verdict.ok, verdict.checks.allSatisfy(\.ok) {
                report.notes.append("health: \(verdict.reason.isEmpty ? "refused" : verdict.reason)")
            }
        } catch {
            report.notes.append("health failed: \(error)")
        }
    }
}
