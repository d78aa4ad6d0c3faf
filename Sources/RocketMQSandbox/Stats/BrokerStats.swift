/// The broker's per-topic and per-group counters (`BrokerStatsManager`) and the daily message totals of
/// `BrokerStats` (`msgPutTotalTodayMorning`, …), kept at UTC midnight.
struct BrokerStats: Sendable {
    /// A counter's name and key, e.g. `TOPIC_PUT_NUMS` / `"T"`, `GROUP_GET_NUMS` / `"T@G"`.
    struct Key: Sendable, Hashable {
        var name: String
        var key: String
    }

    /// The counter names the sandbox keeps (`BrokerStatsManager` constants).
    static let topicPutNums = "TOPIC_PUT_NUMS"
    static let topicPutSize = "TOPIC_PUT_SIZE"
    static let groupGetNums = "GROUP_GET_NUMS"
    static let groupGetSize = "GROUP_GET_SIZE"
    static let brokerPutNums = "BROKER_PUT_NUMS"
    static let brokerGetNums = "BROKER_GET_NUMS"
    /// The most counters kept: a peer making up topic and group names cannot grow the table further.
    static let maxItems = 10_000

    private(set) var items: [Key: StatsItem] = [:]
    private(set) var putTotalTodayMorning: Int64 = 0
    private(set) var putTotalYesterdayMorning: Int64 = 0
    private(set) var getTotalTodayMorning: Int64 = 0
    private(set) var getTotalYesterdayMorning: Int64 = 0
    private var day: Int64
    /// The key of the broker-wide counters: the cluster name, as Java keys them.
    let brokerKey: String

    /// Counters started at `now` for a broker of `clusterName`.
    init(clusterName: String, now: Int64) {
        self.brokerKey = clusterName
        self.day = now / 86_400_000
    }

    /// The broker-wide number of messages put by producers.
    var putTotal: Int64 { self.items[Key(name: Self.brokerPutNums, key: self.brokerKey)]?.value ?? 0 }
    /// The broker-wide number of messages pulled by consumers.
    var getTotal: Int64 { self.items[Key(name: Self.brokerGetNums, key: self.brokerKey)]?.value ?? 0 }

    /// Adds one call of `value` to a counter at `now`.
    mutating func add(_ name: String, key: String, value: Int64, now: Int64) {
        self.rollDay(now: now)
        let key = Key(name: name, key: key)
        if self.items[key] == nil, self.items.count >= Self.maxItems { return }
        self.items[key, default: StatsItem(now: now)].add(value, now: now)
    }

    /// Messages stored for `topic` by one send.
    mutating func recordPut(topic: String, messages: Int, bytes: Int, now: Int64) {
        self.add(Self.topicPutNums, key: topic, value: Int64(messages), now: now)
        self.add(Self.topicPutSize, key: topic, value: Int64(bytes), now: now)
        self.add(Self.brokerPutNums, key: self.brokerKey, value: Int64(messages), now: now)
    }

    /// Messages of `topic` pulled by `group` in one pull.
    mutating func recordGet(topic: String, group: String, messages: Int, bytes: Int, now: Int64) {
        self.add(Self.groupGetNums, key: "\(topic)@\(group)", value: Int64(messages), now: now)
        self.add(Self.groupGetSize, key: "\(topic)@\(group)", value: Int64(bytes), now: now)
        self.add(Self.brokerGetNums, key: self.brokerKey, value: Int64(messages), now: now)
    }

    /// The minute, hour and day snapshots of a counter at `now` (VIEW_BROKER_STATS_DATA), `nil` when unknown.
    /// The samples due are taken on a copy: the next ``add(_:key:value:now:)`` takes the same ones.
    func snapshots(name: String, key: String, now: Int64)
        -> (minute: StatsItem.Snapshot, hour: StatsItem.Snapshot, day: StatsItem.Snapshot)?
    {
        guard var item = self.items[Key(name: name, key: key)] else { return nil }
        item.advance(to: now)
        return (item.minute.snapshot, item.hour.snapshot, item.day.snapshot)
    }

    /// `tpsGroupGetNums`: the messages per second `group` pulled from `topic` over the last minute.
    func consumeTps(topic: String, group: String, now: Int64) -> Double {
        self.snapshots(name: Self.groupGetNums, key: "\(topic)@\(group)", now: now)?.minute.tps ?? 0
    }

    /// The daily totals as of `now`: (put today morning, put yesterday morning, get today morning, get
    /// yesterday morning), rolled to `now`'s day on a copy.
    func mornings(now: Int64) -> (put: Int64, putYesterday: Int64, get: Int64, getYesterday: Int64) {
        var copy = self
        copy.rollDay(now: now)
        return (copy.putTotalTodayMorning, copy.putTotalYesterdayMorning, copy.getTotalTodayMorning, copy.getTotalYesterdayMorning)
    }

    /// At the first call of a new UTC day, today's morning totals become yesterday's (`BrokerStats.record`).
    mutating func rollDay(now: Int64) {
        let day = now / 86_400_000
        guard day > self.day else { return }
        let consecutive = day == self.day + 1
        self.putTotalYesterdayMorning = consecutive ? self.putTotalTodayMorning : self.putTotal
        self.getTotalYesterdayMorning = consecutive ? self.getTotalTodayMorning : self.getTotal
        self.putTotalTodayMorning = self.putTotal
        self.getTotalTodayMorning = self.getTotal
        self.day = day
    }
}
