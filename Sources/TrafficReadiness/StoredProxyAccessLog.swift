public import MigrationStore

/// The routing proxy's access records in the state file, as the readiness checks read them: which client hosts
/// asked a proxy serving this task for a topic's route. Read afresh on every call, so a long `advance --auto`
/// or a running agent sees clients that moved while it ran.
public struct StoredProxyAccessLog: ProxyAccessLog {
    /// The records.
    public let store: ProxyAccessStore
    /// The task whose records are read.
    public let task: String

    /// The records of `task` in `store`.
    public init(store: ProxyAccessStore, task: String) {
        self.store = store
        self.task = task
    }

    public func hosts(forTopic topic: String) async -> Set<String> {
        // An unreadable state file reads as "nobody asked": the clients-switched check then refuses, never passes.
        (try? self.store.hosts(task: self.task, topic: topic)) ?? []
    }
}
