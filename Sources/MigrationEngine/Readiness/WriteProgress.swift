/// Write progress of a topic's queues on one cluster over time, judged from max offsets only.
///
/// Each ``record(_:at:)`` is one sample of every queue's max offset (GET_TOPIC_STATS_INFO). A write is seen
/// when a queue's max offset grows between two samples, or a queue appears with messages. Perms are never
/// consulted: a broker made read-only still takes sends on non-ordered topics (ROCKETMQ-FACTS.md, fact 7).
/// Times are Unix milliseconds from the caller's clock, so tests inject them.
public struct WriteProgress: Sendable, Equatable {
    /// The max offset of every queue at the latest sample.
    public private(set) var maxOffsets: [QueueKey: Int64] = [:]
    /// When the first sample was taken, or `nil` before any.
    public private(set) var observedSince: Int64?
    /// When the latest sample was taken, or `nil` before any.
    public private(set) var lastSampleAt: Int64?
    /// The time of the first sample that showed a write, or `nil` when none was seen since ``observedSince``.
    public private(set) var lastWriteAt: Int64?
    /// Messages written between the last two samples (saturating).
    public private(set) var lastDelta: Int64 = 0
    /// When the sample before the latest one was taken.
    private var previousSampleAt: Int64?

    /// No samples yet.
    public init() {}

    /// Records one sample taken at `time`. A sample older than the latest one is ignored; a negative offset
    /// counts as zero; a shrinking offset (queue deleted and recreated) resets that queue's baseline without
    /// counting as a write.
    ///
    /// `lastStoredAt` is the newest store time the broker reports for a queue's last message
    /// (GET_TOPIC_STATS_INFO `lastUpdateTimestamp`, 0 for an empty queue): it dates the last write even on the
    /// first sample, so a one-shot run need not watch for a whole quiet period. A time later than `time` (a
    /// broker clock ahead of ours) counts as `time`.
    public mutating func record(_ offsets: [QueueKey: Int64], lastStoredAt: Int64 = 0, at time: Int64) {
        if let lastSampleAt, time < lastSampleAt { return }
        if lastStoredAt > 0 { lastWriteAt = max(lastWriteAt ?? .min, min(lastStoredAt, time)) }
        let first = observedSince == nil
        var written: Int64 = 0
        for (queue, raw) in offsets {
            let offset = max(raw, 0)
            let before = maxOffsets[queue] ?? (first ? offset : 0)
            if offset > before {
                let (sum, overflow) = written.addingReportingOverflow(offset - before)
                written = overflow ? .max : sum
            }
        }
        if first { observedSince = time }
        if written > 0 { lastWriteAt = time }
        lastDelta = written
        maxOffsets = offsets.mapValues { max($0, 0) }
        previousSampleAt = lastSampleAt
        lastSampleAt = time
    }

    /// How long (milliseconds) no write has been seen at `now`: since the last write, or since observation
    /// began when none was seen; `nil` before any sample.
    public func quietMillis(now: Int64) -> Int64? {
        guard let since = lastWriteAt ?? observedSince else { return nil }
        return max(now - since, 0)
    }

    /// Messages per second between the last two samples; 0 with fewer than two.
    public var writeTPS: Double {
        guard let previousSampleAt, let lastSampleAt, lastSampleAt > previousSampleAt else { return 0 }
        return Double(lastDelta) * 1000 / Double(lastSampleAt - previousSampleAt)
    }
}
