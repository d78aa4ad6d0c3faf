/// A typed view of a request's or response's `extFields` (Java's `CommandCustomHeader`).
///
/// On the wire every field is a string (`makeCustomHeaderToNet`); nil fields are left out.
public protocol CommandCustomHeader: Sendable {
    /// Reads the header from ext fields.
    /// - Throws: ``RemotingError`` `missingField` for an absent required field, `invalidFieldValue` for a
    ///   value that does not parse (e.g. `"queueId":"x"`).
    init(ext: RemotingExtFields) throws(RemotingError)

    /// The header as ext fields, in Java's field declaration order.
    var ext: RemotingExtFields { get }
}

extension RemotingExtFields {
    /// The required field `key`.
    func required(_ key: String) throws(RemotingError) -> String {
        guard let value = self[key] else { throw RemotingError(.missingField, "ext field \"\(key)\" is missing") }
        return value
    }

    /// The required field `key` as an integer (Java `Integer.parseInt`/`Long.parseLong`).
    func required<Value: FixedWidthInteger>(_ key: String, as _: Value.Type) throws(RemotingError) -> Value {
        try Self.integer(try self.required(key), key)
    }

    /// The required field `key` as an integer within `range`.
    func required<Value: FixedWidthInteger>(
        _ key: String, as type: Value.Type, in range: ClosedRange<Value>
    ) throws(RemotingError) -> Value {
        let value = try self.required(key, as: type)
        guard range.contains(value) else {
            throw RemotingError(
                .invalidFieldValue,
                "ext field \"\(key)\" is \(value), outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// The optional field `key` as an integer.
    func optional<Value: FixedWidthInteger>(_ key: String, as _: Value.Type) throws(RemotingError) -> Value? {
        guard let text = self[key] else { return nil }
        return try Self.integer(text, key)
    }

    /// The optional field `key` as a boolean (Java `Boolean.parseBoolean`: "true" in any case, else false).
    func optionalBool(_ key: String) -> Bool? {
        self[key].map { $0.lowercased() == "true" }
    }

    private static func integer<Value: FixedWidthInteger>(_ text: String, _ key: String) throws(RemotingError) -> Value {
        guard let value = Value(text) else {
            throw RemotingError(.invalidFieldValue, "ext field \"\(key)\" is \"\(text)\", not a \(Value.self)")
        }
        return value
    }

    /// Sets `key` to the text of `value`, or leaves it out when nil.
    mutating func set(_ key: String, _ value: (some CustomStringConvertible)?) {
        if let value { self[key] = value.description }
    }
}
