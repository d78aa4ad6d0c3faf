extension RemotingJSON {
    /// The member `key` of an object (string key, or integer key spelled `key`); nil when this is not an
    /// object or has no such member. Chain freely: `json["brokerAddrs"]?["0"]`.
    public subscript(key: String) -> RemotingJSON? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` of an array; nil when this is not an array or the index is out of range.
    public subscript(index: Int) -> RemotingJSON? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The member `key` of an object; throws ``RemotingError/Code-swift.struct/missingField`` when absent
    /// and ``RemotingError/Code-swift.struct/jsonTypeMismatch`` when this is not an object.
    public func require(_ key: String) throws(RemotingError) -> RemotingJSON {
        let object = try self.object()
        guard let value = object[key] else {
            throw RemotingError(.missingField, "JSON object has no key \"\(key)\"")
        }
        return value
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// The value of an integer that fits Int.
    public func int() throws(RemotingError) -> Int {
        let value = try self.int64()
        guard let int = Int(exactly: value) else { throw self.mismatch("Int") }
        return int
    }

    /// The value of an integer that fits Int32 (Java `int`).
    public func int32() throws(RemotingError) -> Int32 {
        let value = try self.int64()
        guard let int = Int32(exactly: value) else {
            throw RemotingError(.jsonTypeMismatch, "integer \(value) does not fit Int32")
        }
        return int
    }

    /// The value of an integer (Java `long`).
    public func int64() throws(RemotingError) -> Int64 {
        guard case .integer(let value) = self else { throw self.mismatch("integer") }
        return value
    }

    /// The value of a number; integers convert.
    public func double() throws(RemotingError) -> Double {
        switch self {
        case .double(let value): return value
        case .integer(let value): return Double(value)
        default: throw self.mismatch("number")
        }
    }

    /// The value of a boolean.
    public func bool() throws(RemotingError) -> Bool {
        guard case .bool(let value) = self else { throw self.mismatch("boolean") }
        return value
    }

    /// The value of a string.
    public func string() throws(RemotingError) -> String {
        guard case .string(let value) = self else { throw self.mismatch("string") }
        return value
    }

    /// The elements of an array.
    public func array() throws(RemotingError) -> [RemotingJSON] {
        guard case .array(let value) = self else { throw self.mismatch("array") }
        return value
    }

    /// The members of an object.
    public func object() throws(RemotingError) -> RemotingJSONObject {
        guard case .object(let value) = self else { throw self.mismatch("object") }
        return value
    }

    /// A map key as text: a string key as is, an integer key as its digits, any other key as its fastjson
    /// text. Use it to read `Map<Long,…>` keys the same way in both dialects (`"0"` and `0` give `"0"`).
    public var keyText: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        default: self.text(dialect: .fastjson)
        }
    }

    /// The JSON type's name, for messages: `null`, `boolean`, `integer`, `double`, `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .double: "double"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private func mismatch(_ expected: String) -> RemotingError {
        var found = self.text(dialect: .fastjson)
        if found.utf8.count > 80 { found = String(found.prefix(80)) + "…" }
        return RemotingError(.jsonTypeMismatch, "expected \(expected), found \(self.typeName) \(found)")
    }
}
