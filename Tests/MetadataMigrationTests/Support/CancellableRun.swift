import Synchronization

/// A task whose handle is published before its work starts, so a hook that fires during the work (an
/// `afterWrite` or `progress` callback) can always cancel it: there is no window in which the work runs
/// while the hook cannot yet reach the task.
final class CancellableRun<Success: Sendable>: Sendable {
    private let task = Mutex<Task<Success, any Error>?>(nil)

    /// Cancels the task started by ``start(_:)``; nothing happens before it is started.
    func cancel() {
        self.task.withLock { $0 }?.cancel()
    }

    /// Starts `work` in a new task, which waits until its handle is published before running `work`.
    func start(_ work: @escaping @Sendable () async throws -> Success) -> Task<Success, any Error> {
        let (published, publish) = AsyncStream<Never>.makeStream()
        let task = Task {
            for await _ in published {}
            return try await work()
        }
        self.task.withLock { $0 = task }
        publish.finish()
        return task
    }
}
