import Foundation

extension ControlLine {
    /// Parses one line (without its LF; a trailing CR is dropped). Throws an `ERR 400` body saying what is wrong.
    public init(parsing text: some StringProtocol) throws(ControlErrorBody) {
        var rest = Substring(text)
        if rest.utf8.last == UInt8(ascii: "\r") { rest = rest.dropLast() }
        let verbEnd = rest.utf8.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
        let verbText = rest[rest.startIndex..<verbEnd]
        let isUpperASCII = verbText.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        guard isUpperASCII, let verb = ControlVerb(rawValue: String(verbText)) else {
            throw ControlErrorBody(.malformed, "unknown verb \(Self.quoted(verbText))")
        }
        guard verbEnd < rest.endIndex else {
            throw ControlErrorBody(.malformed, "\(verb.rawValue) needs an id")
        }
        rest = rest[rest.utf8.index(after: verbEnd)...]
        let idEnd = rest.utf8.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
        let id = rest[rest.startIndex..<idEnd]
        guard Self.isValidId(id) else {
            throw ControlErrorBody(
                .malformed, "bad id \(Self.quoted(id)): 1-\(Self.maxIdLength) of A-Z a-z 0-9 - _ . :")
        }
        var payload: String?
        if idEnd < rest.endIndex {
            let body = rest[rest.utf8.index(after: idEnd)...]
            guard Self.isJSONObject(body) else {
                throw ControlErrorBody(.malformed, "the payload of \(verb.rawValue) \(id) is not one JSON object")
            }
            payload = String(body)
        }
        self.init(verb, id: String(id), payload: payload)
    }

    /// Parses the bytes of one line, which must be UTF-8.
    public init(parsing bytes: some Collection<UInt8>) throws(ControlErrorBody) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ControlErrorBody(.malformed, "the line is not UTF-8")
        }
        try self.init(parsing: text)
    }

    /// A short, printable rendering of untrusted text for an error message.
    private static func quoted(_ text: Substring) -> String {
        let shown = text.prefix(24).unicodeScalars.map {
            $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?"
        }
        return "\"" + String(shown) + (text.count > 24 ? "…" : "") + "\""
    }

    /// Whether `text` is exactly one JSON object.
    private static func isJSONObject(_ text: Substring) -> Bool {
        guard text.utf8.first == UInt8(ascii: "{"), text.utf8.last == UInt8(ascii: "}") else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
    }
}
