/// Correlates requests and responses on one connection by RocketMQ's `opaque`.
///
/// Pure state: it never touches a channel. The handler asks it what to do and runs the returned action.
/// `Pending` is whatever the handler needs to complete a request later (a promise and a timer); tests
/// use plain values.
struct RequestCorrelationStateMachine<Pending> {
    /// The connection's state.
    enum State {
        /// Open; requests waiting for a response, by opaque.
        case active(pending: [Int32: Pending])
        /// Closed or failed; every later request fails with this error.
        case closed(RocketMQClientError)
    }

    /// What to do with a request that is about to be written.
    enum SendAction {
        /// Write the request; it is now pending.
        case write
        /// Do not write; fail the request with this error.
        case fail(Pending, RocketMQClientError)
    }

    /// What to do with a response frame.
    enum ResponseAction {
        /// Complete this pending request with the response.
        case succeed(Pending)
        /// No request waits for this opaque (it timed out, or the peer is confused): drop the frame.
        case ignore
    }

    /// What to do when a request leaves the pending table without a response.
    enum FailAction {
        /// Fail this request.
        case fail(Pending, RocketMQClientError)
        /// The request is no longer pending (answered or already failed): nothing to do.
        case none
    }

    /// What to do when the connection goes away.
    enum CloseAction {
        /// Fail every request that was pending, with this error.
        case failAll([Pending], RocketMQClientError)
        /// The connection was already closed: nothing to do.
        case none
    }

    private(set) var state: State = .active(pending: [:])
    private var lastOpaque: Int32

    /// Creates a state machine whose first opaque is `firstOpaque`.
    init(firstOpaque: Int32 = 0) {
        self.lastOpaque = firstOpaque &- 1
    }

    /// The number of requests waiting for a response.
    var pendingCount: Int {
        if case .active(let pending) = self.state { return pending.count }
        return 0
    }

    /// Allocates the next request id (wrapping, skipping ids still pending).
    mutating func nextOpaque() -> Int32 {
        repeat {
            self.lastOpaque &+= 1
        } while self.isPending(self.lastOpaque)
        return self.lastOpaque
    }

    /// A request with `opaque` that expects a response is about to be written. (Oneway requests only take
    /// an opaque; a closed channel fails their write.)
    mutating func requestSent(opaque: Int32, pending: Pending) -> SendAction {
        switch self.state {
        case .closed(let error):
            return .fail(pending, error)
        case .active(var table):
            table[opaque] = pending
            self.state = .active(pending: table)
            return .write
        }
    }

    /// A response frame with `opaque` arrived.
    mutating func responseReceived(opaque: Int32) -> ResponseAction {
        guard case .active(var table) = self.state, let pending = table.removeValue(forKey: opaque) else {
            return .ignore
        }
        self.state = .active(pending: table)
        return .succeed(pending)
    }

    /// The timer of the request with `opaque` fired.
    mutating func timeoutFired(opaque: Int32, error: RocketMQClientError) -> FailAction {
        self.remove(opaque: opaque, error: error)
    }

    /// Writing the request with `opaque` failed.
    mutating func writeFailed(opaque: Int32, error: RocketMQClientError) -> FailAction {
        self.remove(opaque: opaque, error: error)
    }

    /// The caller of the request with `opaque` stopped waiting (its task was cancelled): the request is forgotten,
    /// so a late response is ignored. Returns its entry (whose timer to cancel), nil when it was already settled.
    mutating func requestCancelled(opaque: Int32) -> Pending? {
        guard case .active(var table) = self.state, let pending = table.removeValue(forKey: opaque) else {
            return nil
        }
        self.state = .active(pending: table)
        return pending
    }

    /// The connection closed or failed: every pending request fails, and so does every later one.
    mutating func connectionClosed(error: RocketMQClientError) -> CloseAction {
        switch self.state {
        case .closed:
            return .none
        case .active(let table):
            self.state = .closed(error)
            let ordered = table.sorted { $0.key < $1.key }.map(\.value)
            return .failAll(ordered, error)
        }
    }

    private func isPending(_ opaque: Int32) -> Bool {
        if case .active(let table) = self.state { return table[opaque] != nil }
        return false
    }

    private mutating func remove(opaque: Int32, error: RocketMQClientError) -> FailAction {
        guard case .active(var table) = self.state, let pending = table.removeValue(forKey: opaque) else {
            return .none
        }
        self.state = .active(pending: table)
        return .fail(pending, error)
    }
}
