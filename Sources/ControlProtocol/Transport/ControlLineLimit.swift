import Synchronization

/// The line limit a connection's decoder enforces, raised by the session once the peer authenticates.
final class ControlLineLimit: Sendable {
    private let value: Atomic<Int>

    init(bytes: Int) {
        self.value = Atomic(bytes)
    }

    /// The longest line accepted now, in bytes without the LF.
    var bytes: Int { self.value.load(ordering: .relaxed) }

    /// Sets the limit (the authenticated one).
    func set(_ bytes: Int) {
        self.value.store(bytes, ordering: .relaxed)
    }
}
