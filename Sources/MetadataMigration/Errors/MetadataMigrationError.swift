/// A metadata export, plan or import that could not run at all (per-item failures are results, not errors).
public struct MetadataMigrationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case clusterUnreachable
            case clusterRefused
            case aclFileUnreadable
            case journalFailed
            case planMismatch
            case valueOutOfRange
            case credentialsIncomplete
            case unsupportedValue
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The NameServer or a broker did not answer.
        public static let clusterUnreachable = Code(.clusterUnreachable)
        /// The cluster answered with an error (no permission, unknown cluster…).
        public static let clusterRefused = Code(.clusterRefused)
        /// `plain_acl.yml` could not be read or parsed.
        public static let aclFileUnreadable = Code(.aclFileUnreadable)
        /// The import journal could not be written; nothing of the failed write was kept.
        public static let journalFailed = Code(.journalFailed)
        /// The plan names brokers the target does not have.
        public static let planMismatch = Code(.planMismatch)
        /// A number does not fit the type RocketMQ stores it in (a Java `int`).
        public static let valueOutOfRange = Code(.valueOutOfRange)
        /// Only one of the ACL access and secret keys was given, or the keys file cannot be read.
        public static let credentialsIncomplete = Code(.credentialsIncomplete)
        /// A value has a shape the other side cannot hold (an unknown topic filter type, a 5.x retry policy
        /// that is not RocketMQ's).
        public static let unsupportedValue = Code(.unsupportedValue)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// A human-readable reason.
    public var reason: String
    /// The error underneath.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, underlying: (any Error)? = nil) {
        self.code = code
        self.reason = reason
        self.underlying = underlying
    }

    /// `reason: underlying`.
    public var description: String {
        underlying.map { "\(self.reason): \($0)" } ?? self.reason
    }
}
