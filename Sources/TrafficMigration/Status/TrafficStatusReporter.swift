import Foundation
import MigrationEngine
public import MigrationStore

/// Builds `status`: each topic's stage, what producers and consumers see on each side, messages written per
/// side since the last stage change (current max offsets minus the snapshot taken at that change), and the
/// clients column from ``TopicClientAccess``.
///
/// A cluster that cannot be reached is said so in every row (``TrafficSideStatus/unavailableReason``); it is
/// probed once, so an outage costs one timeout, not one per topic. Offsets are read
/// ``TrafficClusters/offsetReadConcurrency`` topics at a time.
public struct TrafficStatusReporter: Sendable {
    /// The state.
    public var store: TrafficStore
    /// The task's clusters, or `nil` to show stored state only.
    public var clusters: TrafficClusters?
    /// The proxy's access data, when available.
    public var clientAccess: (any TopicClientAccess)?

    /// Makes a reporter.
    public init(store: TrafficStore, clusters: TrafficClusters? = nil, clientAccess: (any TopicClientAccess)? = nil) {
        self.store = store
        self.clusters = clusters
        self.clientAccess = clientAccess
    }

    /// The status of `task`'s topics that `selection` picks.
    public func status(task name: String, selection: MigrationTaskResolver.Selection) async throws -> TrafficStatus {
        guard let task = try self.store.task(named: name) else {
            throw TrafficMigrationError(.unknownTask, "no task named \(name)")
        }
        let topics: [MigrationTopic]
        switch selection {
        case .all: topics = task.topics
        case .selectors(let selectors):
            let selected = Set(TopicSelector.select(selectors, from: task.topics.map(\.name)).selected)
            topics = task.topics.filter { selected.contains($0.name) }
        }
        let snapshots = try self.store.offsetSnapshots(task: name)
        let changedAt = try self.store.stageChangedAt(task: name)
        var current: [ClusterSide: [String: TrafficClusters.OffsetReading]] = [:]
        if let clusters = self.clusters {
            for side in ClusterSide.allCases {
                current[side] = await clusters.maxOffsetTotals(topics.map(\.name), side: side)
            }
        }
        var rows: [TrafficStatusRow] = []
        for topic in topics {
            var sides: [ClusterSide: TrafficSideStatus] = [:]
            for side in ClusterSide.allCases {
                let (messages, reason) = self.messages(
                    now: current[side]?[topic.name], snapshot: snapshots[topic.name]?[side])
                sides[side] = TrafficSideStatus(
                    producers: topic.stage.producerSides.contains(side),
                    consumers: topic.stage.consumerSides.contains(side), messagesSinceStageChange: messages,
                    unavailableReason: reason)
            }
            rows.append(
                TrafficStatusRow(
                    topic: topic.name, stage: topic.stage.description, stageNumber: topic.stage.rawValue,
                    ordered: topic.ordered, groups: topic.groups, stageChangedAt: changedAt[topic.name] ?? .distantPast,
                    source: sides[.source] ?? Self.unknown, target: sides[.target] ?? Self.unknown,
                    clients: await self.clientAccess?.clients(task: task, topic: topic)))
        }
        return TrafficStatus(
            task: task.name, sourceNameServers: task.sourceNameServers, targetNameServers: task.targetNameServers,
            quietPeriodSeconds: task.quietPeriodSeconds, topics: rows)
    }

    private static let unknown = TrafficSideStatus(
        producers: false, consumers: false, messagesSinceStageChange: nil, unavailableReason: nil)

    private func messages(
        now: TrafficClusters.OffsetReading?, snapshot: TopicOffsetSnapshot?
    ) -> (Int64?, String?) {
        let total: Int64
        switch now {
        case nil: return (nil, "clusters not asked")
        case .unavailable(let reason)?: return (nil, reason)
        case .total(let value)?: total = value
        }
        guard let base = snapshot?.maxOffsetTotal else {
            return (nil, snapshot?.unavailableReason ?? "no offsets were taken at the last stage change")
        }
        let (delta, overflow) = total.subtractingReportingOverflow(base)
        if overflow || delta < 0 { return (nil, "offsets went back since the last stage change (topic recreated?)") }
        return (delta, nil)
    }
}
