/// A single-pass JSON parser over UTF-8 bytes that accepts fastjson's dialect: any value as an object key
/// (`{0:"a"}`, `{{"queueId":0}:…}`) and bare identifier keys (`{topic:"t"}`, read as string keys).
///
/// It never reads outside `bytes`, never traps on any input and limits nesting to `maxDepth`. Strings are
/// decoded leniently like Java's `new String(bytes, UTF_8)`: invalid UTF-8 and lone surrogates become U+FFFD.
struct RemotingJSONParser: ~Copyable {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    private var index = 0

    /// Parses the whole of `bytes` as one JSON value (surrounding whitespace allowed).
    static func parse(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) throws(RemotingError) -> RemotingJSON {
        guard let raw = bytes.baseAddress, bytes.count > 0 else {
            throw RemotingError(.malformedJSON, "empty input", offset: 0)
        }
        var parser = RemotingJSONParser(
            base: raw.assumingMemoryBound(to: UInt8.self),
            count: bytes.count,
            maxDepth: maxDepth
        )
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.count else { throw parser.error("trailing characters after the value") }
        return value
    }

    private init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
        self.base = base
        self.count = count
        self.maxDepth = maxDepth
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(RemotingError) -> RemotingJSON {
        guard self.index < self.count else { throw self.error("unexpected end of input, expected a value") }
        switch self.base[self.index] {
        case UInt8(ascii: "{"): return try self.parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try self.parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try self.parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try self.parseNumber()
        case UInt8(ascii: "t"): return try self.parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try self.parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try self.parseLiteral("null", .null)
        default: throw self.error("unexpected character \(self.describeByte()), expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(RemotingError) -> RemotingJSON {
        guard depth <= self.maxDepth else { throw self.error("nesting deeper than \(self.maxDepth)") }
        self.index += 1  // {
        var members: [RemotingJSONObject.Member] = []
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "}") {
            self.index += 1
            return .object(RemotingJSONObject(members: members))
        }
        while true {
            self.skipWhitespace()
            let key = try self.parseKey(depth: depth)
            self.skipWhitespace()
            guard self.peek() == UInt8(ascii: ":") else {
                throw self.error("unexpected \(self.describeByte()) after an object key, expected ':'")
            }
            self.index += 1
            self.skipWhitespace()
            let value = try self.parseValue(depth: depth)
            members.append(RemotingJSONObject.Member(key: key, value: value))
            self.skipWhitespace()
            switch self.peek() {
            case UInt8(ascii: ","): self.index += 1
            case UInt8(ascii: "}"):
                self.index += 1
                return .object(RemotingJSONObject(members: members))
            default: throw self.error("unexpected \(self.describeByte()) in an object, expected ',' or '}'")
            }
        }
    }

    /// A key: a quoted string, a bare identifier (read as a string) or, as fastjson writes, any value.
    private mutating func parseKey(depth: Int) throws(RemotingError) -> RemotingJSON {
        guard let byte = self.peek() else { throw self.error("unexpected end of input, expected an object key") }
        guard Self.isIdentifierStart(byte) else { return try self.parseValue(depth: depth) }
        let start = self.index
        while let next = self.peek(), Self.isIdentifierStart(next) || Self.isDigit(next) { self.index += 1 }
        let word = self.text(from: start)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: return .string(word)
        }
    }

    private mutating func parseArray(depth: Int) throws(RemotingError) -> RemotingJSON {
        guard depth <= self.maxDepth else { throw self.error("nesting deeper than \(self.maxDepth)") }
        self.index += 1  // [
        var elements: [RemotingJSON] = []
        self.skipWhitespace()
        if self.peek() == UInt8(ascii: "]") {
            self.index += 1
            return .array(elements)
        }
        while true {
            self.skipWhitespace()
            elements.append(try self.parseValue(depth: depth))
            self.skipWhitespace()
            switch self.peek() {
            case UInt8(ascii: ","): self.index += 1
            case UInt8(ascii: "]"):
                self.index += 1
                return .array(elements)
            default: throw self.error("unexpected \(self.describeByte()) in an array, expected ',' or ']'")
            }
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: RemotingJSON) throws(RemotingError)
        -> RemotingJSON
    {
        let length = word.utf8CodeUnitCount
        guard self.count - self.index >= length,
            memcmpEqual(self.base + self.index, word.utf8Start, length)
        else { throw self.error("invalid literal, expected \(word)") }
        self.index += length
        return value
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(RemotingError) -> RemotingJSON {
        let start = self.index
        let negative = self.peek() == UInt8(ascii: "-")
        if negative { self.index += 1 }
        let digitsStart = self.index
        var magnitude: UInt64 = 0
        var overflow = false
        while let byte = self.peek(), Self.isDigit(byte) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
            magnitude = sum
            overflow = overflow || o1 || o2
            self.index += 1
        }
        guard self.index > digitsStart else { throw self.error("a number needs digits") }
        var isInteger = true
        if self.peek() == UInt8(ascii: ".") {
            isInteger = false
            self.index += 1
            try self.skipDigits("after the decimal point")
        }
        if let byte = self.peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            self.index += 1
            if let sign = self.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { self.index += 1 }
            try self.skipDigits("in the exponent")
        }
        if isInteger && !overflow {
            if !negative, magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .integer(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        guard let value = Double(self.text(from: start)) else {
            throw RemotingError(.malformedJSON, "invalid number", offset: start)
        }
        return .double(value)
    }

    private mutating func skipDigits(_ place: String) throws(RemotingError) {
        let start = self.index
        while let byte = self.peek(), Self.isDigit(byte) { self.index += 1 }
        guard self.index > start else { throw self.error("expected digits \(place)") }
    }

    // MARK: Strings

    private mutating func parseString() throws(RemotingError) -> String {
        self.index += 1  // opening quote
        let start = self.index
        while self.index < self.count {
            let byte = self.base[self.index]
            if byte == UInt8(ascii: "\"") {
                let string = self.text(from: start)
                self.index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { return try self.parseEscapedString(from: start) }
            self.index += 1
        }
        throw RemotingError(.malformedJSON, "unterminated string", offset: start - 1)
    }

    /// The slow path, from the first backslash on.
    private mutating func parseEscapedString(from start: Int) throws(RemotingError) -> String {
        var bytes = Array(UnsafeBufferPointer(start: self.base + start, count: self.index - start))
        while self.index < self.count {
            let byte = self.base[self.index]
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try self.appendEscape(to: &bytes)
            default:
                bytes.append(byte)
            }
        }
        throw RemotingError(.malformedJSON, "unterminated string", offset: start - 1)
    }

    private mutating func appendEscape(to bytes: inout [UInt8]) throws(RemotingError) {
        guard let byte = self.peek() else { throw self.error("unterminated escape") }
        self.index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "'"): bytes.append(byte)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = Unicode.Scalar(0xFFFD)!
            let unit = try self.parseHex4()
            if (0xD800..<0xDC00).contains(unit), self.count - self.index >= 6,
                self.base[self.index] == UInt8(ascii: "\\"), self.base[self.index + 1] == UInt8(ascii: "u")
            {
                let save = self.index
                self.index += 2
                let low = try self.parseHex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
                } else {
                    self.index = save  // not a pair: the second escape stands alone
                }
            } else if let single = Unicode.Scalar(unit) {
                scalar = single
            }
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        default:
            self.index -= 1
            throw self.error("invalid escape \\\(self.describeByte())")
        }
    }

    private mutating func parseHex4() throws(RemotingError) -> UInt32 {
        guard self.count - self.index >= 4 else { throw self.error("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = self.base[self.index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw self.error("invalid hex digit \(self.describeByte()) in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            self.index += 1
        }
        return value
    }

    // MARK: Helpers

    private func peek() -> UInt8? { self.index < self.count ? self.base[self.index] : nil }

    private mutating func skipWhitespace() {
        while self.index < self.count {
            switch self.base[self.index] {
            case 0x20, 0x09, 0x0A, 0x0D: self.index += 1
            default: return
            }
        }
    }

    private func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: self.base + start, count: self.index - start), as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"), UInt8(ascii: "$"):
            true
        default: false
        }
    }

    private func describeByte() -> String {
        guard let byte = self.peek() else { return "end of input" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    private func error(_ reason: String) -> RemotingError {
        RemotingError(.malformedJSON, reason, offset: self.index)
    }
}

private func memcmpEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for offset in 0..<count where lhs[offset] != rhs[offset] { return false }
    return true
}
