/// A value that crosses the Swift–Lua boundary.
///
/// Integers and floats stay distinct both ways (Lua 5.4's `math.type`). A Lua table reads as
/// ``array(_:)`` when its keys are exactly `1...n` (n ≥ 1) and as ``table(_:)`` otherwise; an empty
/// table reads as an empty ``table(_:)``. Arrays cannot hold `nil` (Lua drops it), and a float key with
/// an integral value becomes an integer key in Lua.
public enum LuaValue: Sendable, Hashable {
    /// Lua `nil`.
    case `nil`
    /// A Lua boolean.
    case boolean(Bool)
    /// A Lua integer (`math.type(x) == "integer"`).
    case integer(Int64)
    /// A Lua float (`math.type(x) == "float"`).
    case number(Double)
    /// A Lua string (bytes read as UTF-8).
    case string(String)
    /// A Lua sequence with keys `1...n`.
    case array([LuaValue])
    /// Any other Lua table, keyed by its (non-nil) keys.
    case table([LuaValue: LuaValue])
}

extension LuaValue {
    /// A map table with string keys.
    /// - Parameter fields: the entries, keyed by field name.
    public static func fields(_ fields: [String: LuaValue]) -> LuaValue {
        .table(Dictionary(uniqueKeysWithValues: fields.map { (LuaValue.string($0.key), $0.value) }))
    }

    /// The Lua type name of this value (`"nil"`, `"boolean"`, `"number"`, `"string"`, `"table"`).
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .array, .table: "table"
        }
    }

    /// The value of field `key` when this is a table, else `nil`.
    public subscript(key: String) -> LuaValue? {
        if case .table(let entries) = self { return entries[.string(key)] }
        return nil
    }
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An ``integer(_:)``.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A ``number(_:)``.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A ``boolean(_:)``.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// ``nil``.
    public init(nilLiteral: ()) { self = .nil }
    /// An ``array(_:)``.
    public init(arrayLiteral elements: LuaValue...) { self = .array(elements) }
    /// A ``table(_:)`` with string keys.
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self = .table(Dictionary(elements.map { (LuaValue.string($0.0), $0.1) }, uniquingKeysWith: { $1 }))
    }
}
