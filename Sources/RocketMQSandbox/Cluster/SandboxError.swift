/// An error from the sandbox servers (binding, registration).
public struct SandboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case invalidAddress, connectionClosed, timeout, invalidConfiguration
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// An address is not `host:port`.
        public static let invalidAddress = Code(.invalidAddress)
        /// The peer closed the connection before answering.
        public static let connectionClosed = Code(.connectionClosed)
        /// The peer did not answer in time.
        public static let timeout = Code(.timeout)
        /// The cluster options are inconsistent (e.g. duplicate broker names).
        public static let invalidConfiguration = Code(.invalidConfiguration)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// Details.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `SandboxError(code): reason`.
    public var description: String { "SandboxError(\(self.code)): \(self.reason)" }
}
