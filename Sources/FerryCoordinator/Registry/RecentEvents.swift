import ControlProtocol

/// The last `capacity` agent events, oldest first: what a new watcher is shown before live updates. Fixed
/// storage, so a chatty agent cannot grow it.
struct RecentEvents: Sendable {
    private var storage: [AgentEvent] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    mutating func append(_ event: AgentEvent) {
        guard self.capacity > 0 else { return }
        if self.storage.count < self.capacity {
            self.storage.append(event)
        } else {
            self.storage[self.next] = event
            self.next = (self.next + 1) % self.capacity
        }
    }

    /// The kept events, oldest first; at most the last `limit`.
    func last(_ limit: Int) -> [AgentEvent] {
        let ordered = Array(self.storage[self.next...] + self.storage[..<self.next])
        return Array(ordered.suffix(max(limit, 0)))
    }
}
