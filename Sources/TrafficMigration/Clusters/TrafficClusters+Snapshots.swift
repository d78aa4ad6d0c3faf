public import Foundation
public import MigrationEngine
public import MigrationStore

extension TrafficClusters {
    /// Each topic's max-offset total on both clusters now, for the store's snapshot at a stage change.
    ///
    /// A failing cluster is noted in the snapshot, not thrown: the step still commits, and `status` says why it
    /// cannot count messages. After the first failure on a side, the remaining topics of that side are not asked
    /// (one timeout per outage, not one per topic).
    public func offsetSnapshots(of topics: [String], now: Date) async -> [String: [ClusterSide: TopicOffsetSnapshot]] {
        var snapshots: [String: [ClusterSide: TopicOffsetSnapshot]] = [:]
        for side in ClusterSide.allCases {
            var unreachable: String?
            for topic in topics {
                if unreachable == nil {
                    do {
                        let total = try await self.reader(side).maxOffsetTotal(topic)
                        snapshots[topic, default: [:]][side] = TopicOffsetSnapshot(maxOffsetTotal: total, takenAt: now)
                        continue
                    } catch {
                        unreachable = "\(side.rawValue) unreachable: \(error)"
                    }
                }
                snapshots[topic, default: [:]][side] = TopicOffsetSnapshot(
                    maxOffsetTotal: nil, unavailableReason: unreachable, takenAt: now)
            }
        }
        return snapshots
    }
}
