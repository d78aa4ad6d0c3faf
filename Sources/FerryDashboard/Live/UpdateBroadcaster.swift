import Synchronization

/// Fans the backend's updates out to every live-update connection, each with its own small buffer (a slow
/// browser loses old updates, never slows the others), up to a fixed number of connections.
final class UpdateBroadcaster: Sendable {
    private struct State {
        var nextId: UInt64 = 0
        var subscribers: [UInt64: AsyncStream<DashboardUpdate>.Continuation] = [:]
        var finished = false
    }

    /// Updates buffered per connection before the oldest are dropped.
    static let bufferPerSubscriber = 64

    private let maxSubscribers: Int
    private let state = Mutex(State())

    init(maxSubscribers: Int) {
        self.maxSubscribers = maxSubscribers
    }

    /// A stream of every update from now on, or nil when the connection limit is reached. The stream ends when the
    /// backend stops or the consumer goes away.
    func subscribe() -> AsyncStream<DashboardUpdate>? {
        let (stream, continuation) = AsyncStream.makeStream(
            of: DashboardUpdate.self, bufferingPolicy: .bufferingNewest(Self.bufferPerSubscriber))
        let id: UInt64? = state.withLock { state in
            if state.finished {
                continuation.finish()
                return state.nextId
            }
            guard state.subscribers.count < maxSubscribers else { return nil }
            state.nextId &+= 1
            state.subscribers[state.nextId] = continuation
            return state.nextId
        }
        guard let id else { return nil }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Hands `update` to every connection.
    func publish(_ update: DashboardUpdate) {
        let continuations = state.withLock { Array($0.subscribers.values) }
        for continuation in continuations { continuation.yield(update) }
    }

    /// Ends every stream, and every later one at once (the backend stopped).
    func finish() {
        let continuations = state.withLock { state in
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// The live connections now.
    var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
