/// The message store's counters (`StoreStatsService`): puts, gets and transfers, sampled once a second into
/// the last 601 seconds, from which the runtime info's TPS triples (10 s, 1 min, 10 min) are computed.
/// Sampling is lazy, as in ``StatsItem``.
struct StoreStats: Sendable {
    /// `CallSnapshot` of every counter at one second.
    struct Sample: Sendable, Equatable {
        var timestamp: Int64
        var put: Int64
        var getFound: Int64
        var getMiss: Int64
        var transferred: Int64
    }

    /// The windows of a TPS triple, in seconds.
    static let windows = [10, 60, 600]
    /// `MAX_RECORDS_OF_SAMPLING` + 1.
    static let capacity = 601

    private(set) var putTimes: Int64 = 0
    private(set) var putBytes: Int64 = 0
    private(set) var getFound: Int64 = 0
    private(set) var getMiss: Int64 = 0
    private(set) var transferred: Int64 = 0
    private(set) var samples: [Sample] = []
    private var nextDue: Int64

    /// Counters started at `now` (the store's boot time); the first sample is taken at `now`.
    init(now: Int64) {
        self.nextDue = now
    }

    /// Takes the one-second samples due at `now` (`sampling`).
    mutating func advance(to now: Int64) {
        guard now >= self.nextDue else { return }
        let due = (now - self.nextDue) / 1000 + 1
        var time = self.nextDue + max(due - Int64(Self.capacity), 0) * 1000
        while time <= now {
            self.samples.append(
                Sample(
                    timestamp: time, put: self.putTimes, getFound: self.getFound, getMiss: self.getMiss,
                    transferred: self.transferred))
            time += 1000
        }
        self.nextDue = time
        if self.samples.count > Self.capacity { self.samples.removeFirst(self.samples.count - Self.capacity) }
    }

    /// One message of `size` bytes stored at `now`.
    mutating func recordPut(size: Int, now: Int64) {
        self.advance(to: now)
        self.putTimes &+= 1
        self.putBytes &+= Int64(size)
    }

    /// One read at `now` that found `messages` messages (a miss when 0).
    mutating func recordGet(messages: Int, now: Int64) {
        self.advance(to: now)
        if messages > 0 {
            self.getFound &+= 1
            self.transferred &+= Int64(messages)
        } else {
            self.getMiss &+= 1
        }
    }

    /// `CallSnapshot.getTPS` of one counter over the last `seconds`, `nil` until enough samples exist.
    func tps(_ counter: KeyPath<Sample, Int64>, seconds: Int) -> Double? {
        guard self.samples.count > seconds, let last = self.samples.last else { return nil }
        let begin = self.samples[self.samples.count - (seconds + 1)]
        let elapsed = last.timestamp - begin.timestamp
        return elapsed > 0 ? Double(last[keyPath: counter] - begin[keyPath: counter]) * 1000 / Double(elapsed) : 0
    }

    /// `"10s 1min 10min"` TPS of a counter as Java prints it: a window without enough samples prints empty
    /// (so `"0.0 0.0 "` in the first ten minutes).
    func tpsTriple(_ counter: KeyPath<Sample, Int64>) -> String {
        Self.windows.map { self.tps(counter, seconds: $0).map(JavaFormat.double) ?? "" }.joined(separator: " ")
    }

    /// `getTotalTps`: found + miss per window, 0 where samples are missing.
    var totalTpsTriple: String {
        Self.windows.map { seconds in
            JavaFormat.double((self.tps(\.getFound, seconds: seconds) ?? 0) + (self.tps(\.getMiss, seconds: seconds) ?? 0))
        }.joined(separator: " ")
    }

    /// `findPutMessageEntireTimePX`: every sandbox put takes under a millisecond, so all fall in the first
    /// bucket and the percentile is its fraction of that bucket.
    func putLatency(percentile: Double) -> String {
        let index = (Double(self.putTimes) * percentile).rounded(.down)
        return JavaFormat.fixed(self.putTimes > 0 ? index / Double(self.putTimes) : 0, digits: 2)
    }
}
