import NIOCore
import RocketMQRemoting
import Synchronization

/// The async wrappers of accepted connections that the serving loop has not taken yet.
///
/// A connection accepted while the listener closes is wrapped on its event loop but may never reach
/// ``RemotingServer/serve(_:)``'s loop: the listener's stream ends first and drops it, and an `NIOAsyncChannel`
/// dropped without being finished traps. Holding each wrapper here until the loop takes it, and finishing
/// whatever is left when the server closes, closes those connections cleanly instead.
final class UnservedConnections: Sendable {
    typealias Wrapper = NIOAsyncChannel<RemotingCommand, RemotingCommand>

    private struct State {
        var isClosed = false
        var wrappers: [ObjectIdentifier: Wrapper] = [:]
    }

    private let state = Mutex(State())

    /// Keeps `wrapper` until ``take(_:)``; one added after ``finishAll()`` is finished at once.
    func add(_ wrapper: Wrapper) {
        let isClosed = self.state.withLock { state in
            state.wrappers[ObjectIdentifier(wrapper.channel)] = wrapper
            return state.isClosed
        }
        if isClosed { Task { await self.finishAll() } }
    }

    /// The serving loop takes the connection of `channel`: false when ``finishAll()`` already closed it.
    func take(_ channel: any Channel) -> Bool {
        self.state.withLock { $0.wrappers.removeValue(forKey: ObjectIdentifier(channel)) != nil }
    }

    /// Closes every wrapper never taken, and every one added from now on.
    func finishAll() async {
        let left = self.state.withLock { state in
            state.isClosed = true
            defer { state.wrappers = [:] }
            return Array(state.wrappers.values)
        }
        for wrapper in left { try? await wrapper.executeThenClose { _, _ in } }
    }
}
