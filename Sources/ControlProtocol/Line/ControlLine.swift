/// One line of the agent–coordinator protocol: `VERB id [payload]` (`docs/protocol.md`).
///
/// ``init(parsing:)`` checks the whole grammar (a known verb, an id of 1–64 safe characters, a payload that
/// is one JSON object) so nothing malformed reaches a session; ``serialised`` is the line without its LF.
public struct ControlLine: Sendable, Equatable {
    /// The longest id: 64 characters.
    public static let maxIdLength = 64
    /// The id of a line that answers nothing (an `ERR` before any request, a `HELLO`).
    public static let noId = "-"

    /// The first word.
    public var verb: ControlVerb
    /// The request id this line carries or answers.
    public var id: String
    /// The payload as raw JSON text (one object), or nil.
    public var payload: String?

    /// A line from its parts; nothing is checked (lines built from ``init(_:id:_:)`` always are well formed).
    public init(_ verb: ControlVerb, id: String, payload: String? = nil) {
        self.verb = verb
        self.id = id
        self.payload = payload
    }

    /// A line whose payload is `body` encoded by ``ControlJSON``.
    public init(_ verb: ControlVerb, id: String, _ body: some Encodable) throws(ControlErrorBody) {
        let payload: String
        do {
            payload = try ControlJSON.encode(body)
        } catch {
            throw ControlErrorBody(.malformed, "cannot encode the \(verb.rawValue) payload: \(error)")
        }
        self.init(verb, id: id, payload: payload)
    }

    /// An `ERR` line carrying `error`.
    public static func error(id: String, _ error: ControlErrorBody) -> ControlLine {
        // Encoding two plain fields cannot fail; fall back to a fixed body rather than trap if it ever did.
        let payload = (try? ControlJSON.encode(error)) ?? #"{"code":\#(error.code),"message":"error"}"#
        return ControlLine(.err, id: id, payload: payload)
    }

    /// Decodes the payload as a `T`; a missing or mismatched payload is an `ERR 400` body naming the problem.
    public func decode<T: Decodable>(_ type: T.Type) throws(ControlErrorBody) -> T {
        guard let payload = self.payload else {
            throw ControlErrorBody(.malformed, "\(self.verb.rawValue) \(self.id) has no payload")
        }
        do {
            return try ControlJSON.decode(type, from: payload)
        } catch let error as DecodingError {
            throw ControlErrorBody(.malformed, "bad \(self.verb.rawValue) payload: \(Self.describe(error))")
        } catch {
            throw ControlErrorBody(.malformed, "bad \(self.verb.rawValue) payload")
        }
    }

    /// The line as sent, without the LF.
    public var serialised: String {
        guard let payload = self.payload else { return "\(self.verb.rawValue) \(self.id)" }
        return "\(self.verb.rawValue) \(self.id) \(payload)"
    }

    /// Whether `id` follows the grammar: 1–64 of `A-Z a-z 0-9 - _ . :`.
    public static func isValidId(_ id: some StringProtocol) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= Self.maxIdLength else { return false }
        return bytes.allSatisfy(Self.isIdByte)
    }

    static func isIdByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// A decoding error in a sentence: the field path and what was wrong, never the payload itself.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the payload" : keys.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context): return "\(path(context.codingPath)) has the wrong type"
        case .valueNotFound(_, let context): return "\(path(context.codingPath)) is null"
        case .dataCorrupted(let context): return "\(path(context.codingPath)) is not valid"
        @unknown default: return "not valid"
        }
    }
}
