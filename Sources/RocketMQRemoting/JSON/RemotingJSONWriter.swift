import NIOCore

/// Writes ``RemotingJSON`` values in either dialect, straight into a ByteBuffer.
struct RemotingJSONWriter {
    let dialect: RemotingJSONDialect
    let sortKeys: Bool

    mutating func write(_ value: RemotingJSON, into buffer: inout ByteBuffer) {
        switch value {
        case .null: buffer.writeStaticString("null")
        case .bool(let flag): buffer.writeStaticString(flag ? "true" : "false")
        case .integer(let integer): Self.writeInteger(integer, into: &buffer)
        case .double(let double): buffer.writeString(Self.javaDoubleText(double))
        case .string(let string): Self.writeString(string, dialect: self.dialect, into: &buffer)
        case .array(let elements):
            buffer.writeInteger(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                self.write(element, into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "]"))
        case .object(let object):
            buffer.writeInteger(UInt8(ascii: "{"))
            let members = self.sortKeys ? Self.sorted(object.members) : object.members
            for (position, member) in members.enumerated() {
                if position > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                self.writeKey(member.key, into: &buffer)
                buffer.writeInteger(UInt8(ascii: ":"))
                self.write(member.value, into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "}"))
        }
    }

    private mutating func writeKey(_ key: RemotingJSON, into buffer: inout ByteBuffer) {
        switch (self.dialect, key) {
        case (_, .string(let string)):
            Self.writeString(string, dialect: self.dialect, into: &buffer)
        case (.fastjson, _):
            self.write(key, into: &buffer)
        case (.standard, _):
            Self.writeString(key.keyText, dialect: .standard, into: &buffer)
        }
    }

    private static func sorted(_ members: [RemotingJSONObject.Member]) -> [RemotingJSONObject.Member] {
        members.map { (Array($0.key.keyText.utf16), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }

    // MARK: Scalars

    static func writeInteger(_ value: Int64, into buffer: inout ByteBuffer) {
        if value >= 0 && value < 10 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { scratch in
            var magnitude = value.magnitude
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "-")
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: scratch[position...]))
        }
    }

    /// Java's `Double.toString` (which fastjson uses): decimal in [1e-3, 1e7), else `d.dddE±n`; NaN and
    /// infinities are written `null`, as fastjson does.
    static func javaDoubleText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let magnitude = value.magnitude
        if magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7) {
            return value.description  // Swift agrees with Java in this range: shortest digits, ".0" kept
        }
        // Shortest round-trip digits and decimal exponent, from Swift's own description.
        var text = magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let point = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
        var digits = Array(text.filter { $0 != "." })
        exponent += point - 1
        while digits.first == "0", digits.count > 1 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == "0", digits.count > 1 { digits.removeLast() }
        let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return (value < 0 ? "-" : "") + String(digits[0]) + "." + fraction + "E" + String(exponent)
    }

    // MARK: Strings

    static func writeString(_ string: String, dialect: RemotingJSONDialect, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        if !Self.needsEscaping(string, dialect: dialect) {
            buffer.writeString(string)
        } else {
            for scalar in string.unicodeScalars {
                Self.writeScalar(scalar, dialect: dialect, into: &buffer)
            }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    private static func needsEscaping(_ string: String, dialect: RemotingJSONDialect) -> Bool {
        for byte in string.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x7F { return true }
            if dialect == .standard && byte == UInt8(ascii: "/") { return true }
        }
        return false
    }

    private static func writeScalar(_ scalar: Unicode.Scalar, dialect: RemotingJSONDialect, into buffer: inout ByteBuffer) {
        switch scalar.value {
        case 0x22: buffer.writeStaticString("\\\"")
        case 0x5C: buffer.writeStaticString("\\\\")
        case 0x2F where dialect == .standard: buffer.writeStaticString("\\/")
        case 0x08: buffer.writeStaticString("\\b")
        case 0x09: buffer.writeStaticString("\\t")
        case 0x0A: buffer.writeStaticString("\\n")
        case 0x0C: buffer.writeStaticString("\\f")
        case 0x0D: buffer.writeStaticString("\\r")
        case 0..<0x20: Self.writeUnicodeEscape(UInt16(scalar.value), into: &buffer)
        case 0x7F...0x9F, 0x2028, 0x2029: Self.writeUnicodeEscape(UInt16(scalar.value), into: &buffer)
        case 0x7F... where dialect == .standard:
            for unit in String(scalar).utf16 { Self.writeUnicodeEscape(unit, into: &buffer) }
        default:
            buffer.writeBytes(scalar.utf8)
        }
    }

    private static func writeUnicodeEscape(_ unit: UInt16, into buffer: inout ByteBuffer) {
        let hex: StaticString = "0123456789ABCDEF"
        buffer.writeStaticString("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            buffer.writeInteger(hex.utf8Start[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}
