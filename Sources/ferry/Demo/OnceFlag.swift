import Synchronization

/// True exactly once, whichever thread asks first.
final class OnceFlag: Sendable {
    private let claimed = Atomic(false)

    /// Whether this call is the first.
    func claim() -> Bool {
        self.claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}
