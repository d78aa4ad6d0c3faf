public import Foundation
import MigrationEngine
public import TrafficMigration

/// `GET /api/task?name=TASK[&offset=N&limit=N&filter=TEXT]`: one page of the task's topic table (one row per
/// topic per agent holding the task), with the counts of every matching row.
public struct TaskPage: Sendable, Codable, Equatable {
    /// The task.
    public var task: String
    /// When the page was put together.
    public var generatedAt: Date
    /// Rows matching the filter, over every page.
    public var total: Int
    /// Matching rows before this page's first one.
    public var offset: Int
    /// Rows per page asked for.
    public var limit: Int
    /// Matching rows per stage number (0–4), over every page.
    public var stageCounts: [Int]
    /// The page's rows, by agent then in each task's topic order.
    public var topics: [TopicRow]
}

/// One topic's row of the task page.
public struct TopicRow: Sendable, Codable, Equatable {
    /// The agent holding the topic.
    public var agentId: String
    /// The topic.
    public var topic: String
    /// The stage's name (`dual-read`).
    public var stage: String
    /// The stage's number (0–4).
    public var stageNumber: Int
    /// When its stage last changed.
    public var stageChangedAt: Date
    /// Whether the facts show the stage in effect, when known.
    public var inEffect: Bool?
    /// Whether the next forward step may go on as far as readiness is concerned (nil when not checked yet; false at
    /// Completed).
    public var ready: Bool?
    /// Every failing readiness check, with its reason.
    public var failing: [FailingCheck]
    /// Reasons beyond single checks (missing facts, a health hook's own refusal).
    public var notes: [String]
    /// Clients on the proxy vs on the source only, when known.
    public var clients: TopicClients?
    /// Messages written since the stage changed, per side, when known.
    public var sourceMessages: Int64?
    /// See ``sourceMessages``.
    public var targetMessages: Int64?
    /// Messages per side between the last state samples, oldest first, for the sparklines.
    public var traffic: TrafficSamples
}

/// A readiness check that does not pass.
public struct FailingCheck: Sendable, Codable, Equatable {
    /// The check's name (a built-in one, or a health hook's own).
    public var name: String
    /// Why it fails.
    public var reason: String
}

/// A topic's traffic samples per side (nil where the side could not be read).
public struct TrafficSamples: Sendable, Codable, Equatable {
    /// Source-side messages per sample interval.
    public var source: [Int64?]
    /// Target-side messages per sample interval.
    public var target: [Int64?]
}

extension TopicRow {
    /// Joins a status row with its readiness report and samples.
    init(agentId: String, row: TrafficStatusRow, readiness: ReadinessReport?, traffic: TrafficSamples) {
        self.agentId = agentId
        self.topic = row.topic
        self.stage = row.stage
        self.stageNumber = row.stageNumber
        self.stageChangedAt = row.stageChangedAt
        self.inEffect = row.effect?.inEffect ?? readiness?.effect?.inEffect
        self.ready = readiness?.ready
        self.failing = readiness?.checks.filter { !$0.ok }.map { FailingCheck(name: $0.name, reason: $0.reason) } ?? []
        self.notes = readiness?.notes ?? []
        self.clients = row.clients
        self.sourceMessages = row.source.messagesSinceStageChange
        self.targetMessages = row.target.messagesSinceStageChange
        self.traffic = traffic
    }
}
