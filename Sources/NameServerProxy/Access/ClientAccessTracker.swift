public import MigrationStore
import Synchronization

/// Per topic, which client hosts asked the proxy for its route and when: bounded by ``ClientAccessLimits``
/// (topics, hosts per topic, expiry), so clients the proxy never saw before cannot make it grow without end.
///
/// ``record(topic:address:nowMillis:)`` is called on the event loop for every route query: a dictionary
/// update under a lock. ``drainChanges(task:)`` hands what changed since the last call to the store.
public final class ClientAccessTracker: Sendable {
    private struct Access {
        var lastAddress: String
        var firstSeenMillis: Int64
        var lastSeenMillis: Int64
        var queries: Int64
    }

    private struct Key: Hashable {
        var topic: String
        var host: String
    }

    private struct State {
        var topics: [String: [String: Access]] = [:]
        var changed: Set<Key> = []
    }

    private let limits: ClientAccessLimits
    private let state = Mutex(State())

    /// A tracker within `limits`.
    public init(limits: ClientAccessLimits) {
        self.limits = limits
    }

    /// The host part of `"ip:port"` (everything before the last colon; the whole text when it has none).
    static func host(of address: String) -> String {
        address.lastIndex(of: ":").map { String(address[..<$0]) } ?? address
    }

    /// Notes that `address` asked for `topic`'s route. A new topic past ``ClientAccessLimits/maxTopics`` is
    /// not recorded; a new host past ``ClientAccessLimits/maxHostsPerTopic`` replaces the least recently seen.
    public func record(topic: String, address: String, nowMillis: Int64) {
        let host = Self.host(of: address)
        self.state.withLock { state in
            if state.topics[topic] == nil, state.topics.count >= self.limits.maxTopics { return }
            var hosts = state.topics[topic, default: [:]]
            if var access = hosts[host] {
                access.lastAddress = address
                access.lastSeenMillis = max(access.lastSeenMillis, nowMillis)
                access.queries = access.queries.addingReportingOverflow(1).overflow ? .max : access.queries + 1
                hosts[host] = access
            } else {
                if hosts.count >= self.limits.maxHostsPerTopic,
                    let oldest = hosts.min(by: { $0.value.lastSeenMillis < $1.value.lastSeenMillis })?.key
                {
                    hosts[oldest] = nil
                    state.changed.remove(Key(topic: topic, host: oldest))
                }
                hosts[host] = Access(lastAddress: address, firstSeenMillis: nowMillis, lastSeenMillis: nowMillis, queries: 1)
            }
            state.topics[topic] = hosts
            state.changed.insert(Key(topic: topic, host: host))
        }
    }

    /// Forgets hosts not seen since `nowMillis - expiry` and topics left without hosts.
    public func expire(nowMillis: Int64) {
        let cutoff = nowMillis.subtractingReportingOverflow(self.limits.expiry.milliseconds).partialValue
        self.state.withLock { state in
            for (topic, hosts) in state.topics {
                let kept = hosts.filter { $0.value.lastSeenMillis >= cutoff }
                for host in hosts.keys where kept[host] == nil { state.changed.remove(Key(topic: topic, host: host)) }
                state.topics[topic] = kept.isEmpty ? nil : kept
            }
        }
    }

    /// The records changed since the previous call, for `task`; the change set is then empty.
    public func drainChanges(task: String) -> [ProxyAccessRecord] {
        self.state.withLock { state in
            defer { state.changed = [] }
            return state.changed.compactMap { key in
                state.topics[key.topic]?[key.host].map {
                    ProxyAccessRecord(
                        task: task, topic: key.topic, host: key.host, lastAddress: $0.lastAddress,
                        firstSeenMillis: $0.firstSeenMillis, lastSeenMillis: $0.lastSeenMillis, queries: $0.queries)
                }
            }
        }
    }

    /// The hosts that asked for `topic`, sorted.
    public func hosts(topic: String) -> [String] {
        self.state.withLock { $0.topics[topic].map { $0.keys.sorted() } ?? [] }
    }

    /// Topics tracked and hosts over all of them.
    public var counts: (topics: Int, hosts: Int) {
        self.state.withLock { state in (state.topics.count, state.topics.values.reduce(0) { $0 + $1.count }) }
    }
}
