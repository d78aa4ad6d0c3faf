/// A broker's (or NameServer's) configuration as the Java `.properties` text RocketMQ sends in the bodies of
/// GET_BROKER_CONFIG (26), UPDATE_BROKER_CONFIG (25) and UPDATE_NAMESRV_CONFIG (318).
///
/// Reading follows `java.util.Properties.load`, which is what the broker and mqadmin use
/// (`MixAll.string2Properties`): `#`/`!` comments, `=`, `:` or white space between key and value, backslash
/// escapes and line continuations. Writing follows `MixAll.properties2String`: one `key=value\n` line per entry,
/// with **no** escaping, so the text is byte for byte what a Java broker sends. Entries keep their order.
public struct BrokerProperties: Sendable, Hashable {
    /// One `key=value` pair.
    public struct Entry: Sendable, Hashable {
        /// The property name, e.g. `brokerPermission`.
        public var key: String
        /// The property value, unescaped.
        public var value: String

        /// Makes an entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Why a properties text could not be read.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The 1-based line where the problem is.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// A readable description.
        public var description: String { "properties line \(line): \(message)" }
    }

    /// The entries in the order they were read or added; keys are unique.
    public private(set) var entries: [Entry]
    /// Key → position in ``entries``, so reading `n` lines takes time linear in `n`.
    private var positions: [String: Int] = [:]

    /// Makes properties from entries; a later entry with the same key replaces an earlier one in place.
    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { self[entry.key] = entry.value }
    }

    /// Same entries in the same order.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.entries == rhs.entries }

    /// Hashes the entries.
    public func hash(into hasher: inout Hasher) { hasher.combine(self.entries) }

    /// Reads a `.properties` text the way `java.util.Properties.load` does.
    /// - Throws: ``ParseError`` for a malformed `\uXXXX` escape (Java throws `IllegalArgumentException`).
    public init(text: String) throws {
        self.init()
        var logical: [Character] = []
        var startLine = 1
        var lineNumber = 0
        var continuing = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = rawLine.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
            if !continuing {
                if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == "!" { continue }
                startLine = lineNumber
            }
            var backslashes = 0
            for character in trimmed.reversed() {
                guard character == "\\" else { break }
                backslashes += 1
            }
            if backslashes % 2 == 1 {
                logical.append(contentsOf: trimmed.dropLast())
                continuing = true
                continue
            }
            logical.append(contentsOf: trimmed)
            continuing = false
            try self.addLogicalLine(logical, line: startLine)
            logical.removeAll(keepingCapacity: true)
        }
        if continuing { try self.addLogicalLine(logical, line: startLine) }
    }

    /// The text `MixAll.properties2String` writes: `key=value\n` per entry, in order, unescaped.
    public var text: String {
        var result = ""
        for entry in entries {
            result += entry.key
            result += "="
            result += entry.value
            result += "\n"
        }
        return result
    }

    /// The value for a key; setting `nil` removes the entry, setting a new key appends it.
    public subscript(key: String) -> String? {
        get { self.positions[key].map { self.entries[$0].value } }
        set {
            switch (self.positions[key], newValue) {
            case (let index?, let value?): self.entries[index].value = value
            case (let index?, nil):
                self.entries.remove(at: index)
                self.positions[key] = nil
                for position in index..<self.entries.count { self.positions[self.entries[position].key] = position }
            case (nil, let value?):
                self.positions[key] = self.entries.count
                self.entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The entries as a dictionary.
    public var dictionary: [String: String] {
        Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    private mutating func addLogicalLine(_ line: [Character], line number: Int) throws {
        var index = 0
        var keyEnd = line.count
        var escaped = false
        while index < line.count {
            let character = line[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "=" || character == ":" || character == " " || character == "\t" || character == "\u{0C}" {
                keyEnd = index
                break
            }
            index += 1
        }
        var valueStart = keyEnd
        while valueStart < line.count, [" ", "\t", "\u{0C}"].contains(line[valueStart]) { valueStart += 1 }
        if valueStart < line.count, line[valueStart] == "=" || line[valueStart] == ":" {
            valueStart += 1
            while valueStart < line.count, [" ", "\t", "\u{0C}"].contains(line[valueStart]) { valueStart += 1 }
        }
        let key = try Self.unescape(line[0..<keyEnd], line: number)
        let value = try Self.unescape(line[min(valueStart, line.count)...], line: number)
        self[key] = value
    }

    private static func unescape(_ characters: ArraySlice<Character>, line: Int) throws -> String {
        var result = ""
        var iterator = characters.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard let escaped = iterator.next() else { break }
            switch escaped {
            case "t": result.append("\t")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "f": result.append("\u{0C}")
            case "u":
                var hex = ""
                for _ in 0..<4 {
                    guard let digit = iterator.next(), digit.isHexDigit else {
                        throw ParseError(line: line, message: "malformed \\uxxxx encoding")
                    }
                    hex.append(digit)
                }
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw ParseError(line: line, message: "\\u\(hex) is not a Unicode scalar")
                }
                result.unicodeScalars.append(scalar)
            default: result.append(escaped)
            }
        }
        return result
    }
}
