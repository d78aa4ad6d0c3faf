/// A 5.x consumer group's retry policy (`groupRetryPolicy`).
public struct GroupRetryPolicy: Sendable, Codable, Hashable {
    /// `CUSTOMIZED` or `EXPONENTIAL`.
    public var type: String
    /// The customized policy: the delay before each retry, in milliseconds.
    public var customizedRetryPolicy: Customized?
    /// The exponential policy.
    public var exponentialRetryPolicy: Exponential?

    /// A policy of the given type with no parameters.
    public init(type: String) {
        self.type = type
    }

    /// `{"next": [ms, …]}`.
    public struct Customized: Sendable, Codable, Hashable {
        /// Delays before each retry, in milliseconds.
        public var next: [Int64]
    }

    /// `{"initial": ms, "max": ms, "multiplier": n}`.
    public struct Exponential: Sendable, Codable, Hashable {
        /// The first delay.
        public var initial: Int64
        /// The largest delay.
        public var max: Int64
        /// The growth factor.
        public var multiplier: Int64
    }
}
