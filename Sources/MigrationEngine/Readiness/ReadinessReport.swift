/// The readiness of one topic's next forward step: every check, merged with the Lua health policy.
public struct ReadinessReport: Sendable, Equatable, Codable {
    /// The topic.
    public var topic: String
    /// Its committed stage.
    public var stage: MigrationStage
    /// The stage a forward step leads to, or `nil` at Completed.
    public var nextStage: MigrationStage?
    /// Whether the committed stage is in effect (`nil` when no facts were gathered yet).
    public var effect: StageEffect?
    /// Built-in checks (as a health hook left them) and the hook's own checks, in report order.
    public var checks: [ReadinessCheckResult]
    /// Reasons beyond single checks: missing facts, a health hook's own refusal or error.
    public var notes: [String]

    /// Makes a report.
    public init(
        topic: String, stage: MigrationStage, nextStage: MigrationStage?, effect: StageEffect?,
        checks: [ReadinessCheckResult], notes: [String] = []
    ) {
        self.topic = topic
        self.stage = stage
        self.nextStage = nextStage
        self.effect = effect
        self.checks = checks
        self.notes = notes
    }

    /// Whether the step may go on as far as readiness is concerned.
    public var ready: Bool { nextStage != nil && notes.isEmpty && checks.allSatisfy(\.ok) }

    /// Every reason the step is not ready, in order (`check: reason`, then the notes).
    public var reasons: [String] {
        checks.filter { !$0.ok }.map { "\($0.name): \($0.reason)" } + notes
    }
}
