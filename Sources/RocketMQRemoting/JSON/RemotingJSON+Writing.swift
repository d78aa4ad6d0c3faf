public import NIOCore

extension RemotingJSON {
    /// The nesting limit ``init(parsing:maxDepth:)-(ByteBuffer,_)`` applies unless told otherwise.
    public static let defaultMaxDepth = 128

    /// Parses the readable bytes of `buffer` (the reader index does not move).
    /// - Throws: ``RemotingError`` with code `malformedJSON`, the reason and the byte offset.
    public init(parsing buffer: ByteBuffer, maxDepth: Int = RemotingJSON.defaultMaxDepth) throws(RemotingError) {
        let result = buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(RemotingError) in try RemotingJSONParser.parse(bytes, maxDepth: maxDepth) }
        }
        self = try result.get()
    }

    /// Parses UTF-8 bytes.
    public init(parsing bytes: [UInt8], maxDepth: Int = RemotingJSON.defaultMaxDepth) throws(RemotingError) {
        let result = bytes.withUnsafeBytes { bytes in
            Result { () throws(RemotingError) in try RemotingJSONParser.parse(bytes, maxDepth: maxDepth) }
        }
        self = try result.get()
    }

    /// Parses text.
    public init(parsing text: String, maxDepth: Int = RemotingJSON.defaultMaxDepth) throws(RemotingError) {
        try self.init(parsing: Array(text.utf8), maxDepth: maxDepth)
    }

    /// Appends this value's JSON to `buffer`.
    /// - Parameters:
    ///   - dialect: standard JSON or fastjson's (see ``RemotingJSONDialect``).
    ///   - sortKeys: sort every object's members by key (Java `String.compareTo` order, UTF-16 units; a
    ///     non-string key sorts by its fastjson text), as fastjson's `MapSortField` does. Off by default: members
    ///     go out in their stored order, which reproduces a parsed document byte for byte.
    public func write(into buffer: inout ByteBuffer, dialect: RemotingJSONDialect, sortKeys: Bool = false) {
        var writer = RemotingJSONWriter(dialect: dialect, sortKeys: sortKeys)
        writer.write(self, into: &buffer)
    }

    /// This value's JSON as a new buffer.
    public func byteBuffer(dialect: RemotingJSONDialect, sortKeys: Bool = false) -> ByteBuffer {
        var buffer = ByteBuffer()
        self.write(into: &buffer, dialect: dialect, sortKeys: sortKeys)
        return buffer
    }

    /// This value's JSON as bytes.
    public func bytes(dialect: RemotingJSONDialect, sortKeys: Bool = false) -> [UInt8] {
        let buffer = self.byteBuffer(dialect: dialect, sortKeys: sortKeys)
        return Array(buffer.readableBytesView)
    }

    /// This value's JSON as text.
    public func text(dialect: RemotingJSONDialect, sortKeys: Bool = false) -> String {
        let buffer = self.byteBuffer(dialect: dialect, sortKeys: sortKeys)
        return String(buffer: buffer)
    }
}
