/// When `--auto` may try to advance a topic by itself: not at Completed, and at most one stage per quiet
/// window (the task's quiet period since the topic's last stage change), so every stage gets a full quiet
/// period to come into effect before the next.
public struct AutoAdvanceSchedule: Sendable, Equatable {
    /// The quiet window (milliseconds).
    public var windowMillis: Int64

    /// The schedule of `task`: its quiet period.
    public init(task: MigrationTask) {
        self.windowMillis = ReadinessPolicy(task: task).quietPeriodMillis
    }

    /// Whether `topic`, last moved at `lastChangedAt` (Unix milliseconds; `nil` when never), may be tried at `now`.
    public func isDue(_ topic: MigrationTopic, lastChangedAt: Int64?, now: Int64) -> Bool {
        guard topic.stage.next != nil else { return false }
        guard let lastChangedAt else { return true }
        let (elapsed, overflow) = now.subtractingReportingOverflow(lastChangedAt)
        return !overflow && elapsed >= windowMillis
    }
}
