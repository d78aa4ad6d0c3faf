/// One counter of `BrokerStatsManager` (`StatsItem`): a value and a call count, sampled into a minute
/// window (every 10 s, 7 samples), an hour window (every 10 min, 7 samples) and a day window (every hour,
/// 25 samples), from which VIEW_BROKER_STATS_DATA and the consume TPS are computed.
///
/// Sampling is lazy: every call passes the current time and first records the samples due since the last
/// call, which hold the values from before this call, as the periodic Java sampler would have seen them.
struct StatsItem: Sendable {
    /// `CallSnapshot`: the counters at one sampling time.
    struct Sample: Sendable, Equatable {
        var timestamp: Int64
        var times: Int64
        var value: Int64
    }

    /// `StatsSnapshot`: the sum, rate and average over a window.
    struct Snapshot: Sendable, Equatable {
        var sum: Int64
        var tps: Double
        var avgpt: Double
    }

    /// A window: how often it samples and how many samples it keeps.
    struct Window: Sendable {
        let interval: Int64
        let capacity: Int
        var samples: [Sample] = []
        var nextDue: Int64

        mutating func advance(to now: Int64, current: Sample) {
            guard now >= self.nextDue else { return }
            let due = (now - self.nextDue) / self.interval + 1
            // Only the last `capacity` due samples can survive; older ones are skipped, not replayed.
            let skipped = max(due - Int64(self.capacity), 0)
            var time = self.nextDue + skipped * self.interval
            while time <= now {
                self.samples.append(Sample(timestamp: time, times: current.times, value: current.value))
                time += self.interval
            }
            self.nextDue = time
            if self.samples.count > self.capacity { self.samples.removeFirst(self.samples.count - self.capacity) }
        }

        /// `StatsItem.computeStatsData` over the kept samples.
        var snapshot: Snapshot {
            guard let first = self.samples.first, let last = self.samples.last else { return Snapshot(sum: 0, tps: 0, avgpt: 0) }
            let sum = last.value - first.value
            let elapsed = last.timestamp - first.timestamp
            let times = last.times - first.times
            return Snapshot(
                sum: sum, tps: elapsed > 0 ? Double(sum) * 1000 / Double(elapsed) : 0,
                avgpt: times > 0 ? Double(sum) / Double(times) : 0)
        }
    }

    private(set) var value: Int64 = 0
    private(set) var times: Int64 = 0
    private(set) var minute: Window
    private(set) var hour: Window
    private(set) var day: Window

    /// A counter created at `now`; its first samples are taken at `now`.
    init(now: Int64) {
        self.minute = Window(interval: 10_000, capacity: 7, nextDue: now)
        self.hour = Window(interval: 600_000, capacity: 7, nextDue: now)
        self.day = Window(interval: 3_600_000, capacity: 25, nextDue: now)
    }

    /// Takes the samples due at `now`.
    mutating func advance(to now: Int64) {
        let current = Sample(timestamp: now, times: self.times, value: self.value)
        self.minute.advance(to: now, current: current)
        self.hour.advance(to: now, current: current)
        self.day.advance(to: now, current: current)
    }

    /// Adds `value` in one call at `now` (`addValue(inc, times: 1)`).
    mutating func add(_ value: Int64, now: Int64) {
        self.advance(to: now)
        self.value = self.value.addingReportingOverflow(value).partialValue
        self.times = self.times.addingReportingOverflow(1).partialValue
    }
}
