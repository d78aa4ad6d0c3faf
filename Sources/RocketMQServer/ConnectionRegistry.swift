import NIOCore
import Synchronization

/// The open connections of a ``RemotingServer`` and whether it still takes new ones.
///
/// Closing and registering are one atomic step each, so a connection is either closed by ``close()`` or
/// refused by ``register(_:id:)``: an accepted connection that reaches its serving task only after the
/// server started closing cannot stay open (and keep ``RemotingServer/serve(_:)`` from returning).
final class ConnectionRegistry: Sendable {
    private struct State {
        var isOpen = true
        var channels: [Int: any Channel] = [:]
    }

    private let state = Mutex(State())

    /// Whether the server still takes connections.
    var isOpen: Bool {
        self.state.withLock { $0.isOpen }
    }

    /// Records `channel` under `id`; false, recording nothing, once the server is closing.
    func register(_ channel: any Channel, id: Int) -> Bool {
        self.state.withLock { state in
            guard state.isOpen else { return false }
            state.channels[id] = channel
            return true
        }
    }

    /// Forgets the connection `id` (it has ended).
    func remove(id: Int) {
        self.state.withLock { _ = $0.channels.removeValue(forKey: id) }
    }

    /// Refuses every later connection and returns the open ones, for the caller to close.
    func close() -> [any Channel] {
        self.state.withLock { state in
            state.isOpen = false
            return Array(state.channels.values)
        }
    }
}
