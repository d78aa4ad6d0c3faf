/// A metadata export or plan file that cannot be read: what is wrong and where (byte offset or key path).
public struct MetadataFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case truncated
            case invalidJSON
            case unrecognizedFormat
            case invalidValue
            case unsupportedVersion
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The JSON text ends early (a cut-off download or copy).
        public static let truncated = Code(.truncated)
        /// The bytes are not JSON; ``MetadataFormatError/offset`` says where.
        public static let invalidJSON = Code(.invalidJSON)
        /// Valid JSON, but none of the known shapes (mqadmin cluster or broker mode, export.sh wrapper,
        /// Ferry export, Ferry plan).
        public static let unrecognizedFormat = Code(.unrecognizedFormat)
        /// A value has the wrong type or is missing; ``MetadataFormatError/keyPath`` says which.
        public static let invalidValue = Code(.invalidValue)
        /// A Ferry section or plan written by a newer Ferry.
        public static let unsupportedVersion = Code(.unsupportedVersion)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// The file (or other label) that was being read.
    public var source: String
    /// A human-readable reason.
    public var reason: String
    /// The byte offset of a syntax error, when known.
    public var offset: Int?
    /// The key path of a bad value (`topicConfigTable.MigTopicA.perm`), when known.
    public var keyPath: String?

    /// Creates an error.
    public init(_ code: Code, source: String, _ reason: String, offset: Int? = nil, keyPath: String? = nil) {
        self.code = code
        self.source = source
        self.reason = reason
        self.offset = offset
        self.keyPath = keyPath
    }

    /// `SOURCE: reason (at byte N | at KEY.PATH)`.
    public var description: String {
        var text = "\(self.source): \(self.reason)"
        if let offset { text += " (at byte \(offset))" }
        if let keyPath { text += " (at \(keyPath.isEmpty ? "the top level" : keyPath))" }
        return text
    }
}
