/// An error raised by the RocketMQ remoting wire layer: framing, header (de)serialization, JSON parsing
/// and typed access to JSON values or header fields.
///
/// Codes are extensible (new ones can be added without breaking callers); switch on ``code`` with
/// `==` against the static constants. The context fields say where the problem was.
public struct RemotingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case frameTooLarge
            case invalidFrameLength
            case headerLengthExceedsFrame
            case unknownSerializeType
            case malformedHeader
            case malformedJSON
            case jsonTypeMismatch
            case missingField
            case invalidFieldValue
            case valueOutOfRange
            case truncatedFrame
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A frame announced a length above the decoder's `maxFrameLength` (RocketMQ's `TooLongFrameException`).
        public static let frameTooLarge = Code(.frameTooLarge)
        /// The 4-byte length prefix is negative or too small to hold the header-length word.
        public static let invalidFrameLength = Code(.invalidFrameLength)
        /// The header length is larger than the frame ("decode error, bad header length" in RocketMQ).
        public static let headerLengthExceedsFrame = Code(.headerLengthExceedsFrame)
        /// The serialize-type byte is neither JSON (0) nor ROCKETMQ (1).
        public static let unknownSerializeType = Code(.unknownSerializeType)
        /// The header bytes do not form a valid JSON or binary RemotingCommand header.
        public static let malformedHeader = Code(.malformedHeader)
        /// Bytes are not JSON (in either RocketMQ dialect); ``RemotingError/offset`` says where.
        public static let malformedJSON = Code(.malformedJSON)
        /// A JSON value had another type than the accessor asked for.
        public static let jsonTypeMismatch = Code(.jsonTypeMismatch)
        /// A required JSON key or header field is absent.
        public static let missingField = Code(.missingField)
        /// A header field is present but cannot be converted (e.g. `"queueId":"x"`).
        public static let invalidFieldValue = Code(.invalidFieldValue)
        /// A value does not fit the wire field (e.g. a code outside Int16 in a binary header, a header over 16 MiB).
        public static let valueOutOfRange = Code(.valueOutOfRange)
        /// The stream ended in the middle of a frame.
        public static let truncatedFrame = Code(.truncatedFrame)

        /// The constant's name.
        public var description: String { String(describing: self.base) }
    }

    /// What went wrong.
    public var code: Code
    /// A human-readable reason, with the values involved.
    public var reason: String
    /// The byte offset of the problem inside the parsed input (JSON text, header or frame), when known.
    public var offset: Int?
    /// Hex of the first bytes (at most 64) of the offending frame or header, when there is one.
    public var bytesHex: String?
    /// The source file that raised the error.
    public var file: String
    /// The source line that raised the error.
    public var line: Int

    /// Creates an error; `file` and `line` default to the call site.
    public init(
        _ code: Code,
        _ reason: String,
        offset: Int? = nil,
        bytesHex: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.offset = offset
        self.bytesHex = bytesHex
        self.file = file
        self.line = line
    }

    /// `RemotingError(code): reason [at offset N] [bytes: hex]`.
    public var description: String {
        var text = "RemotingError(\(self.code)): \(self.reason)"
        if let offset = self.offset { text += " at offset \(offset)" }
        if let hex = self.bytesHex { text += " [bytes: \(hex)]" }
        return text
    }
}

extension RemotingError {
    /// The number of bytes ``hexPrefix(_:)`` keeps.
    static let hexPrefixLimit = 64

    /// Hex of at most ``hexPrefixLimit`` bytes, with a trailing `…` when cut.
    static func hexPrefix<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var text = ""
        text.reserveCapacity(Swift.min(bytes.count, Self.hexPrefixLimit) * 2 + 1)
        for byte in bytes.prefix(Self.hexPrefixLimit) {
            let digits = Array("0123456789abcdef".utf8)
            text.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
            text.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0x0F)]))
        }
        if bytes.count > Self.hexPrefixLimit { text += "…" }
        return text
    }
}
