/// An error raised by traffic migration before anything is written.
///
/// Codes are extensible: compare ``code`` against the static constants.
public struct TrafficMigrationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case nothingSelected
            case tooManyTopics
            case unknownTask
            case invalidArgument
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A selector matched nothing, or nothing was selected.
        public static let nothingSelected = Code(.nothingSelected)
        /// The selection exceeds what one task may hold.
        public static let tooManyTopics = Code(.tooManyTopics)
        /// No task has that name in the state file.
        public static let unknownTask = Code(.unknownTask)
        /// An argument is out of range.
        public static let invalidArgument = Code(.invalidArgument)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for the operator.
    public var reason: String

    /// Makes an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The reason.
    public var description: String { self.reason }
}
