public import Foundation
public import MigrationEngine

/// Who asks for a change, why, and which checks they chose to override; written with every audit row.
public struct TrafficAuditContext: Sendable, Equatable {
    /// Who (e.g. `alice@host`); never a credential.
    public var actor: String
    /// Why, as the operator typed it.
    public var reason: String?
    /// The checks the operator chose to ignore (empty until readiness checks exist).
    public var overrides: [String]

    /// Makes a context.
    public init(actor: String, reason: String? = nil, overrides: [String] = []) {
        self.actor = actor
        self.reason = reason
        self.overrides = overrides
    }
}

/// One row of a task's audit log.
public struct TrafficAuditEntry: Sendable, Equatable, Codable {
    /// What happened.
    public enum Action: String, Sendable, Codable {
        /// The task was created (no topic).
        case create
        /// A topic was asked to advance.
        case advance
        /// A topic was asked to roll back.
        case rollback
    }

    /// Whether the asked change happened.
    public enum Outcome: String, Sendable, Codable {
        /// Committed.
        case committed
        /// Refused; ``TrafficAuditEntry/reason`` says why.
        case refused
    }

    /// The row's sequence number, increasing in commit order.
    public var id: Int64
    /// The task.
    public var taskName: String
    /// The topic, or `nil` for a task-level entry.
    public var topic: String?
    /// What was asked.
    public var action: Action
    /// Whether it happened.
    public var outcome: Outcome
    /// The stage before, when there was one.
    public var fromStage: MigrationStage?
    /// The stage asked for, when there was one.
    public var toStage: MigrationStage?
    /// Who asked.
    public var actor: String
    /// The operator's reason, or the refusal's.
    public var reason: String?
    /// Overridden checks.
    public var overrides: [String]
    /// When it was committed.
    public var at: Date
}

/// The sum of a topic's per-queue max offsets on one cluster, taken when its stage last changed, so `status`
/// can show how many messages each side got since.
public struct TopicOffsetSnapshot: Sendable, Equatable, Codable {
    /// The total, or `nil` when the cluster could not be asked.
    public var maxOffsetTotal: Int64?
    /// Why there is no total (e.g. the cluster was unreachable).
    public var unavailableReason: String?
    /// When it was taken.
    public var takenAt: Date

    /// Makes a snapshot.
    public init(maxOffsetTotal: Int64?, unavailableReason: String? = nil, takenAt: Date) {
        self.maxOffsetTotal = maxOffsetTotal
        self.unavailableReason = unavailableReason
        self.takenAt = takenAt
    }
}
