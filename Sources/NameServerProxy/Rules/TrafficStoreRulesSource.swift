public import MigrationStore

/// The rules of a task committed in a ``TrafficStore`` (the state file `ferry migrate` writes): the proxy polls
/// the store's change token and reloads the task when it moved.
public struct TrafficStoreRulesSource: ProxyRulesSource {
    private let store: TrafficStore
    private let taskName: String

    /// The rules of the task named `taskName` in `store`.
    public init(store: TrafficStore, taskName: String) {
        self.store = store
        self.taskName = taskName
    }

    public func changeToken() async throws -> Int64 {
        try self.store.changeToken()
    }

    /// - Throws: ``MigrationStoreError`` `unknownTask` when the task is gone.
    public func loadRules() async throws -> any ProxyRoutingRules {
        guard let task = try self.store.task(named: self.taskName) else {
            throw MigrationStoreError(.unknownTask, "no task named \(self.taskName)")
        }
        return TaskRoutingRules(task: task)
    }
}
