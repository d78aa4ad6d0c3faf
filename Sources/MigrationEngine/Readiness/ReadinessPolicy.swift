/// The thresholds the built-in checks judge against.
public struct ReadinessPolicy: Sendable, Equatable {
    /// How long the source must see no write before 3 → 4 (milliseconds). Default: the task's quiet period.
    public var quietPeriodMillis: Int64
    /// Largest total source backlog per group that counts as drained. Default 0.
    public var maxBacklog: Int64
    /// Largest retry-topic backlog per group that counts as drained. Default 0.
    public var maxRetryBacklog: Int64

    /// Makes a policy.
    public init(quietPeriodMillis: Int64, maxBacklog: Int64 = 0, maxRetryBacklog: Int64 = 0) {
        self.quietPeriodMillis = max(quietPeriodMillis, 0)
        self.maxBacklog = max(maxBacklog, 0)
        self.maxRetryBacklog = max(maxRetryBacklog, 0)
    }

    /// The policy of `task`: its quiet period (saturating to milliseconds), zero backlog.
    public init(task: MigrationTask) {
        let (millis, overflow) = task.quietPeriodSeconds.multipliedReportingOverflow(by: 1000)
        self.init(quietPeriodMillis: overflow ? .max : millis)
    }
}
