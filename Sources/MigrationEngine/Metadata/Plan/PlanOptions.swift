/// The operator's choices for a plan.
public struct PlanOptions: Sendable, Hashable {
    /// The queue-count policy (default clamp to 3...16).
    public var queuePolicy: QueueCountPolicy
    /// The source that wins every conflict between sources (`--prefer SOURCE`), if any.
    public var preferredSource: String?
    /// Per-name winners (`--prefer NAME=SOURCE`), which take precedence over ``preferredSource``.
    public var preferredSourceByName: [String: String]
    /// Whether resources that exist on the target with other settings are updated (default false:
    /// they are conflicts, and nothing is written to them).
    public var overwrite: Bool

    /// Options; the defaults plan with the 3...16 clamp, no winners and no overwrite.
    public init(
        queuePolicy: QueueCountPolicy = QueueCountPolicy(), preferredSource: String? = nil,
        preferredSourceByName: [String: String] = [:], overwrite: Bool = false
    ) {
        self.queuePolicy = queuePolicy
        self.preferredSource = preferredSource
        self.preferredSourceByName = preferredSourceByName
        self.overwrite = overwrite
    }
}
