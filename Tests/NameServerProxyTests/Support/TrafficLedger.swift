import Synchronization

/// What was sent and what each group received, by message id; where each send landed.
final class TrafficLedger: Sendable {
    private struct State {
        /// Ids each group must receive.
        var expected: [String: Set<String>] = [:]
        /// Ids each group received, with how many times.
        var received: [String: [String: Int]] = [:]
        /// Broker of each successful send, with the number of steps made before it.
        var sends: [(step: Int, broker: String)] = []
        var failures = 0
        /// Ids whose send reported an error: a timed-out send may still have been stored (RocketMQ's
        /// at-least-once contract), so its delivery is counted apart, not as unexpected.
        var failedIds: Set<String> = []
    }

    private let state = Mutex(State())

    func sent(id: String, broker: String, step: Int, groups: [String]) {
        self.state.withLock { state in
            state.sends.append((step, broker))
            for group in groups { state.expected[group, default: []].insert(id) }
        }
    }

    func sendFailed(id: String) {
        self.state.withLock { state in
            state.failures += 1
            state.failedIds.insert(id)
        }
    }

    func received(id: String, group: String) {
        self.state.withLock { $0.received[group, default: [:]][id, default: 0] += 1 }
    }

    /// Ids expected by some group and not received by it yet.
    var missing: Int {
        self.state.withLock { state in
            state.expected.reduce(0) { total, entry in
                let received = state.received[entry.key] ?? [:]
                return total + entry.value.filter { received[$0] == nil }.count
            }
        }
    }

    /// Deliveries beyond the first, per group.
    var duplicates: [String: Int] {
        self.state.withLock { state in
            state.received.mapValues { $0.values.reduce(0) { $0 + $1 - 1 } }
        }
    }

    /// Messages expected per group.
    var expectedCounts: [String: Int] { self.state.withLock { $0.expected.mapValues(\.count) } }

    /// Ids received that no send attempted (must stay empty); a send that reported an error but was stored
    /// anyway is counted by ``deliveredAfterFailedSend``.
    var unexpected: Int {
        self.state.withLock { state in
            state.received.reduce(0) { total, entry in
                let expected = state.expected[entry.key] ?? []
                return total + entry.value.keys.filter { !expected.contains($0) && !state.failedIds.contains($0) }.count
            }
        }
    }

    /// Deliveries of messages whose send reported an error (a timeout after the broker stored it).
    var deliveredAfterFailedSend: Int {
        self.state.withLock { state in
            state.received.values.reduce(0) { $0 + $1.keys.filter { state.failedIds.contains($0) }.count }
        }
    }

    /// The brokers of the last `count` sends made after `step` steps, or nil when there are fewer.
    func lastBrokers(_ count: Int, afterStep step: Int) -> [String]? {
        self.state.withLock { state in
            let recent = state.sends.filter { $0.step == step }.suffix(count).map(\.broker)
            return recent.count == count ? recent : nil
        }
    }

    var failures: Int { self.state.withLock { $0.failures } }
}
