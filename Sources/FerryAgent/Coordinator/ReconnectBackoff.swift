/// How long the agent waits before dialling the coordinator again: exponential in the number of failed
/// attempts, capped, with "equal jitter" (half the delay fixed, half random) so many agents that lost the
/// same coordinator do not dial back in lockstep.
public struct ReconnectBackoff: Sendable, Equatable {
    /// The delay after the first failure (before jitter). Default 500 ms.
    public var initial: Duration
    /// The cap (before jitter). Default 30 s.
    public var maximum: Duration

    /// A backoff from `initial` doubling up to `maximum`.
    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30)) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The wait before attempt `attempt` (0 = after the first failure): a uniform pick in
    /// [d/2, d] where d = min(initial · 2^attempt, maximum). `random` picks in 0…1 (injectable for tests).
    public func delay(attempt: Int, random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> Duration {
        let exponent = min(max(attempt, 0), 30)
        let initialMillis = Double(self.initial.components.seconds) * 1000
            + Double(self.initial.components.attoseconds) / 1e15
        let maximumMillis = Double(self.maximum.components.seconds) * 1000
            + Double(self.maximum.components.attoseconds) / 1e15
        let ceiling = min(initialMillis * Double(1 << exponent), maximumMillis)
        let pick = random(0...1)
        let jitter = pick.isNaN ? 0 : min(max(pick, 0), 1)
        return .milliseconds(Int64((ceiling / 2 + ceiling / 2 * jitter).rounded()))
    }
}
