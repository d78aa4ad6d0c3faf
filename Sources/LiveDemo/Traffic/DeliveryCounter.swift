import Synchronization

/// Records every send a broker acknowledged, every send that failed, and every delivery per group, by message
/// id; ``verdict(subscriptions:)`` counts them. Safe to call from every producer and consumer task at once.
public final class DeliveryCounter: Sendable {
    private struct State {
        /// Acknowledged ids with their topic.
        var sent: [String: String] = [:]
        /// Ids whose send reported an error.
        var failed: Set<String> = []
        /// Per group, deliveries per id.
        var deliveries: [String: [String: Int]] = [:]
        /// Why sends failed: reason → count, first and last time.
        var failureReasons: [String: SendFailures] = [:]
    }

    private let state = Mutex(State())

    /// An empty counter.
    public init() {}

    /// Records a send the broker acknowledged.
    public func sent(id: String, topic: String) {
        self.state.withLock { $0.sent[id] = topic }
    }

    /// Records a send that reported an error (it may still have been stored), with why when known.
    public func sendFailed(id: String, reason: String? = nil) {
        self.state.withLock { state in
            state.failed.insert(id)
            if let reason {
                let now = ContinuousClock.now
                state.failureReasons[String(reason.prefix(300)), default: SendFailures(count: 0, first: now, last: now)]
                    .add(now)
            }
        }
    }

    /// Why sends failed so far: reason → how many, first and last.
    public var failureReasons: [String: SendFailures] { self.state.withLock { $0.failureReasons } }

    /// Records one delivery of `id` to `group`.
    public func delivered(id: String, group: String) {
        self.state.withLock { $0.deliveries[group, default: [:]][id, default: 0] &+= 1 }
    }

    /// Acknowledged sends so far.
    public var sentCount: Int { self.state.withLock { $0.sent.count } }

    /// The verdict over everything recorded so far.
    public func verdict(subscriptions: [String: Set<String>]) -> DemoVerdict {
        let state = self.state.withLock { $0 }
        return DemoVerdict(
            sent: state.sent, failed: state.failed, deliveries: state.deliveries, subscriptions: subscriptions)
    }
}

/// Sends that failed for one reason: how many, when the first and the last failed.
public struct SendFailures: Sendable, Equatable {
    /// How many sends failed.
    public var count: Int
    /// When the first failed.
    public var first: ContinuousClock.Instant
    /// When the last failed.
    public var last: ContinuousClock.Instant

    mutating func add(_ instant: ContinuousClock.Instant) {
        self.count += 1
        self.last = instant
    }
}
