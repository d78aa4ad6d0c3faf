/// An error raised by the local migration store (the SQLite file behind the import journal).
///
/// Codes are extensible: compare ``code`` against the static constants.
public struct MigrationStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case cannotOpen
            case migrationFailed
            case readFailed
            case writeFailed
            case unknownItem
            case unknownTask
            case taskExists
            case topicInOtherTask
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The database file could not be opened or created.
        public static let cannotOpen = Code(.cannotOpen)
        /// The schema migrations could not be applied.
        public static let migrationFailed = Code(.migrationFailed)
        /// A read failed.
        public static let readFailed = Code(.readFailed)
        /// A write transaction failed and was rolled back: nothing of it was kept.
        public static let writeFailed = Code(.writeFailed)
        /// A journal update named an item that the plan's journal does not hold.
        public static let unknownItem = Code(.unknownItem)
        /// A traffic-migration call named a task the store does not hold.
        public static let unknownTask = Code(.unknownTask)
        /// A task with that name already exists.
        public static let taskExists = Code(.taskExists)
        /// A topic of a new task already belongs to another task.
        public static let topicInOtherTask = Code(.topicInOtherTask)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// A human-readable reason.
    public var reason: String
    /// The SQLite or GRDB error underneath, when there is one.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, underlying: (any Error)? = nil) {
        self.code = code
        self.reason = reason
        self.underlying = underlying
    }

    /// `code: reason (underlying)`.
    public var description: String {
        if let underlying { return "\(self.code): \(self.reason) (\(underlying))" }
        return "\(self.code): \(self.reason)"
    }
}
