internal import Synchronization

/// Which NameServer a client talks to, as Java's `NettyRemotingClient.getAndCreateNameserverChannel`
/// chooses it: one picked at random when the client starts, kept while it answers; after a connection
/// problem the next one in the list is tried and, once it answers, kept instead.
///
/// Java moves on only at the next call after a failure; Ferry tries the others within the same call, so
/// an admin command does not fail while another NameServer is up.
final class NameServerChoice: Sendable {
    private let count: Int
    private let current: Mutex<Int>

    /// A choice over `count` NameServers, starting at `start` (by default a random one).
    init(count: Int, start: Int? = nil) {
        self.count = count
        let first = count > 0 ? (start ?? Int.random(in: 0..<count)) % count : 0
        self.current = Mutex(first)
    }

    /// The indices to try, the chosen one first, then the following ones in list order (wrapping around).
    var order: [Int] {
        let first = self.current.withLock { $0 }
        return (0..<self.count).map { (first + $0) % self.count }
    }

    /// Keeps `index` as the chosen NameServer (it just answered).
    func stick(to index: Int) {
        self.current.withLock { $0 = index }
    }
}
