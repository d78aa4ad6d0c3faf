public import NIOCore

/// A RocketMQ remoting body that travels as JSON (in either of RocketMQ's dialects).
///
/// Decoding is lenient like fastjson: unknown fields are ignored, absent or `null` fields take the Java
/// class's default. Encoding writes the fields fastjson writes, in its order (alphabetical), omitting the
/// optional fields that are `nil` (fastjson omits nulls); so a 4.x body re-encodes without 5.x fields.
public protocol RemotingJSONBody: Sendable {
    /// Reads the body from its JSON value.
    /// - Throws: ``RemotingError`` with `jsonTypeMismatch`, `missingField` or `invalidFieldValue`, whose
    ///   reason names the type and field path.
    init(json: RemotingJSON) throws(RemotingError)

    /// The body as a JSON value, fields in fastjson's (alphabetical) order.
    var json: RemotingJSON { get }
}

extension RemotingJSONBody {
    /// Parses a body in either dialect and decodes it.
    /// - Throws: ``RemotingError`` `malformedJSON` for bytes that are not JSON, or a decoding error.
    public init(parsing buffer: ByteBuffer) throws(RemotingError) {
        try self.init(json: RemotingJSON(parsing: buffer))
    }

    /// Parses a body in either dialect from UTF-8 bytes and decodes it.
    public init(parsing bytes: [UInt8]) throws(RemotingError) {
        try self.init(json: RemotingJSON(parsing: bytes))
    }

    /// Parses a body in either dialect from text and decodes it.
    public init(parsing text: String) throws(RemotingError) {
        try self.init(json: RemotingJSON(parsing: text))
    }

    /// The body's bytes in a dialect (default fastjson's, which every RocketMQ version reads).
    /// - Parameter sortKeys: sort map entries by key, as fastjson's `MapSortField` does.
    public func byteBuffer(dialect: RemotingJSONDialect = .fastjson, sortKeys: Bool = false) -> ByteBuffer {
        json.byteBuffer(dialect: dialect, sortKeys: sortKeys)
    }

    /// The body's text in a dialect (default fastjson's).
    /// - Parameter sortKeys: sort map entries by key, as fastjson's `MapSortField` does.
    public func text(dialect: RemotingJSONDialect = .fastjson, sortKeys: Bool = false) -> String {
        json.text(dialect: dialect, sortKeys: sortKeys)
    }
}
