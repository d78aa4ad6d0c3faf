public import Foundation
public import MigrationEngine
public import MigrationStore

extension TrafficClusters {
    /// How many topics' offsets are read at once from one cluster.
    public static let offsetReadConcurrency = 16

    /// One topic's max-offset total on one cluster, or why it could not be read.
    enum OffsetReading: Sendable {
        case total(Int64)
        case unavailable(String)
    }

    /// Each topic's max-offset total on `side`. The cluster is probed first: when it cannot be reached every
    /// topic gets that reason after one timeout, not one per topic; otherwise topics are read
    /// ``offsetReadConcurrency`` at a time.
    func maxOffsetTotals(_ topics: [String], side: ClusterSide) async -> [String: OffsetReading] {
        let reader = self.reader(side)
        do {
            _ = try await reader.brokerNames()
        } catch {
            let reason = OffsetReading.unavailable("\(side.rawValue) unreachable: \(error)")
            var readings: [String: OffsetReading] = [:]
            for topic in topics { readings[topic] = reason }
            return readings
        }
        let readings = try? await boundedConcurrentMap(topics, limit: Self.offsetReadConcurrency) { topic in
            do {
                return OffsetReading.total(try await reader.maxOffsetTotal(topic))
            } catch {
                return OffsetReading.unavailable("\(side.rawValue): \(error)")
            }
        }
        // The body never throws; only cancellation ends the group early, and then nothing is known.
        return readings ?? [:]
    }

    /// Each topic's max-offset total on both clusters now, for the store's snapshot at a stage change.
    ///
    /// A failing cluster or topic is noted in the snapshot, not thrown: the step still commits, and `status`
    /// says why it cannot count messages.
    public func offsetSnapshots(of topics: [String], now: Date) async -> [String: [ClusterSide: TopicOffsetSnapshot]] {
        guard !topics.isEmpty else { return [:] }
        var snapshots: [String: [ClusterSide: TopicOffsetSnapshot]] = [:]
        for side in ClusterSide.allCases {
            for (topic, reading) in await self.maxOffsetTotals(topics, side: side) {
                switch reading {
                case .total(let total):
                    snapshots[topic, default: [:]][side] = TopicOffsetSnapshot(maxOffsetTotal: total, takenAt: now)
                case .unavailable(let reason):
                    snapshots[topic, default: [:]][side] = TopicOffsetSnapshot(
                        maxOffsetTotal: nil, unavailableReason: reason, takenAt: now)
                }
            }
        }
        return snapshots
    }
}
