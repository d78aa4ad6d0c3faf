/// The queue-count policy: each topic's read and write queue counts are clamped to `minimum...maximum`
/// (default 3...16), and every change is listed in the plan with its reason.
///
/// Counts from an mqadmin cluster-mode file are **cluster totals** (mqadmin sums them over masters): the
/// clamp applies to the total, which is then spread over the target's masters (rounded up). Counts from
/// a Ferry export are per broker: the clamp applies to each broker's count, which every target master gets.
public struct QueueCountPolicy: Sendable, Codable, Hashable {
    /// The smallest count allowed (default 3).
    public var minimum: Int
    /// The largest count allowed (default 16).
    public var maximum: Int

    /// A policy; the defaults are 3...16.
    public init(minimum: Int = 3, maximum: Int = 16) {
        self.minimum = minimum
        self.maximum = max(minimum, maximum)
    }

    /// The clamped count and, when it changed, why.
    public func apply(_ count: Int, what: String) -> (count: Int, note: String?) {
        if count < self.minimum {
            return (self.minimum, "\(what) \(count) → \(self.minimum) (policy: at least \(self.minimum))")
        }
        if count > self.maximum {
            return (self.maximum, "\(what) \(count) → \(self.maximum) (policy: at most \(self.maximum))")
        }
        return (count, nil)
    }
}
