/// An operator's "ignore health check results" override: who asked and why, for the audit log.
public struct HealthOverride: Sendable, Equatable, Codable {
    /// Who overrode the checks.
    public var actor: String
    /// Why.
    public var reason: String

    /// Makes an override.
    public init(actor: String, reason: String) {
        self.actor = actor
        self.reason = reason
    }
}

/// How a ``ReadinessStepGuard`` judges steps beyond the built-in thresholds.
public struct ReadinessGuardOptions: Sendable, Equatable {
    /// Set by `--ignore-health`: checks (built-in and Lua health) are overridden; gates still run.
    public var ignoreHealth: HealthOverride?
    /// Set by `rollback --force`: a rollback from Completed goes ahead even past the rollback window.
    public var forceRollback: Bool
    /// How long after the source's last write a rollback from Completed stays allowed (milliseconds).
    /// Default 24 hours: after that the source is stale and rolling back would lose what the target took.
    public var rollbackWindowMillis: Int64
    /// The limit on topics of a task cutting over at once, handed to gates as `facts.max_cutting_over`.
    public var maxCuttingOver: Int?

    /// The default rollback window: 24 hours.
    public static let defaultRollbackWindowMillis: Int64 = 24 * 3600 * 1000

    /// Makes options.
    public init(
        ignoreHealth: HealthOverride? = nil,
        forceRollback: Bool = false,
        rollbackWindowMillis: Int64 = ReadinessGuardOptions.defaultRollbackWindowMillis,
        maxCuttingOver: Int? = nil
    ) {
        self.ignoreHealth = ignoreHealth
        self.forceRollback = forceRollback
        self.rollbackWindowMillis = max(rollbackWindowMillis, 0)
        self.maxCuttingOver = maxCuttingOver
    }
}
