public import MigrationEngine
public import MigrationStore

/// The rules of a task committed in a ``TrafficStore`` (the state file `ferry migrate` writes): the proxy polls
/// the store's change token and reloads the task when it moved.
public struct TrafficStoreRulesSource: ProxyRulesSource {
    private let store: TrafficStore
    private let taskName: String
    private let passThroughWhenMissing: Bool

    /// The rules of the task named `taskName` in `store`.
    /// - Parameter passThroughWhenMissing: while no such task exists, every topic passes through from the
    ///   source (an agent's proxy before `migrate.create`) instead of failing.
    public init(store: TrafficStore, taskName: String, passThroughWhenMissing: Bool = false) {
        self.store = store
        self.taskName = taskName
        self.passThroughWhenMissing = passThroughWhenMissing
    }

    public func changeToken() async throws -> Int64 {
        try self.store.changeToken()
    }

    /// - Throws: ``MigrationStoreError`` `unknownTask` when the task is gone (unless passing through).
    public func loadRules() async throws -> any ProxyRoutingRules {
        guard let task = try self.store.task(named: self.taskName) else {
            if self.passThroughWhenMissing {
                return TaskRoutingRules(
                    task: MigrationTask(name: self.taskName, sourceNameServers: [], targetNameServers: [], topics: []))
            }
            throw MigrationStoreError(.unknownTask, "no task named \(self.taskName)")
        }
        return TaskRoutingRules(task: task)
    }
}
