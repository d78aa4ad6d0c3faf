import NIOCore
import Synchronization

/// The connections of a ``ControlServer``: how many are admitted (against ``ControlLimits/maxConnections``),
/// which are open (for ``ControlServer/shutdown()``), and which the serving loop has not taken yet.
///
/// A connection accepted while the listener closes may never reach the serving loop, and an `NIOAsyncChannel`
/// dropped without being finished traps; holding each wrapper until the loop takes it, and finishing whatever
/// is left at shutdown, closes those cleanly (the same reasoning as RocketMQServer's `UnservedConnections`).
final class ControlConnections: Sendable {
    typealias Wrapper = NIOAsyncChannel<ControlLine, ControlLine>

    private struct State {
        var isOpen = true
        var admitted = 0
        var open: [ObjectIdentifier: any Channel] = [:]
        var unserved: [ObjectIdentifier: Wrapper] = [:]
    }

    private let state = Mutex(State())

    /// Whether the server still takes connections.
    var isOpen: Bool { self.state.withLock { $0.isOpen } }

    /// Counts one more connection; false when `maximum` are already admitted (the caller refuses it).
    func admit(maximum: Int) -> Bool {
        self.state.withLock { state in
            guard state.admitted < maximum else { return false }
            state.admitted += 1
            return true
        }
    }

    /// An admitted connection ended.
    func release() {
        self.state.withLock { $0.admitted -= 1 }
    }

    /// Keeps `wrapper` until ``take(_:)``; one added after ``close()`` is finished at once.
    func add(_ wrapper: Wrapper) {
        let isOpen = self.state.withLock { state in
            state.unserved[ObjectIdentifier(wrapper.channel)] = wrapper
            state.open[ObjectIdentifier(wrapper.channel)] = wrapper.channel
            return state.isOpen
        }
        if !isOpen { Task { await self.finishUnserved() } }
    }

    /// The serving loop takes the connection of `channel`: false when ``close()`` already finished it.
    func take(_ channel: any Channel) -> Bool {
        self.state.withLock { $0.unserved.removeValue(forKey: ObjectIdentifier(channel)) != nil }
    }

    /// Forgets `channel` (it ended).
    func remove(_ channel: any Channel) {
        self.state.withLock { _ = $0.open.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Refuses every later connection, closes the open ones and finishes the unserved ones.
    func close() async {
        let open = self.state.withLock { state in
            state.isOpen = false
            return Array(state.open.values)
        }
        for channel in open { try? await channel.close() }
        await self.finishUnserved()
    }

    private func finishUnserved() async {
        let left = self.state.withLock { state in
            defer { state.unserved = [:] }
            return Array(state.unserved.values)
        }
        for wrapper in left { try? await wrapper.executeThenClose { _, _ in } }
    }
}
