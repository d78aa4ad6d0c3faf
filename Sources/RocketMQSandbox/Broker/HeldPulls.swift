import NIOCore
import RocketMQRemoting
import RocketMQServer
import Synchronization

/// The pulls a broker holds (`PullRequestHoldService.pullRequestTable`), at most `limit` at once.
///
/// Holding a pull costs a list entry, not a task or a timer: ``SandboxBroker/checkHeldPulls()`` looks at them all
/// in one pass, so thousands of idle held pulls cost one wake-up per poll interval.
final class HeldPulls: Sendable {
    /// One held PULL_MESSAGE.
    struct Pull: Sendable {
        var request: RemotingCommand
        var connection: RemotingConnection
        /// Epoch ms at which the pull is answered even without messages.
        var deadline: Int64
    }

    private struct Table {
        var pulls: [Pull] = []
        /// Messages were stored since the last ``takeDue(now:)``.
        var arrived = false
    }

    private let table = Mutex(Table())
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Holds `pull`; false, holding nothing, when `limit` pulls are held already.
    func hold(_ pull: Pull) -> Bool {
        self.table.withLock { table in
            guard table.pulls.count < self.limit else { return false }
            table.pulls.append(pull)
            return true
        }
    }

    /// Returns a retried pull that found nothing yet. It was held already, so it is not refused: the table can
    /// pass `limit` by at most the pulls of one retry pass, which were counted when they were held.
    func putBack(_ pull: Pull) {
        self.table.withLock { $0.pulls.append(pull) }
    }

    /// Notes that messages were stored, so every held pull is retried at the next look.
    func messagesArrived() {
        self.table.withLock { $0.arrived = true }
    }

    /// Removes and returns the pulls to retry now: all of them after messages arrived, else the ones whose
    /// deadline passed. Pulls of closed connections are dropped.
    func takeDue(now: Int64) -> [Pull] {
        self.table.withLock { table in
            table.pulls.removeAll { !$0.connection.channel.isActive }
            let due: [Pull]
            if table.arrived {
                due = table.pulls
                table.pulls = []
            } else {
                due = table.pulls.filter { $0.deadline <= now }
                table.pulls.removeAll { $0.deadline <= now }
            }
            table.arrived = false
            return due
        }
    }
}
