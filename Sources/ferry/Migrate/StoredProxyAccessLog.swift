import MigrationStore
import TrafficReadiness

/// The routing proxy's access records in the state file, as the readiness checks read them: which client hosts
/// asked a `ferry proxy` serving this task for a topic's route. Read afresh on every call, so a long
/// `advance --auto` sees clients that moved while it ran.
struct StoredProxyAccessLog: ProxyAccessLog {
    let store: ProxyAccessStore
    let task: String

    func hosts(forTopic topic: String) async -> Set<String> {
        // An unreadable state file reads as "nobody asked": the clients-switched check then refuses, never passes.
        (try? self.store.hosts(task: self.task, topic: topic)) ?? []
    }
}
