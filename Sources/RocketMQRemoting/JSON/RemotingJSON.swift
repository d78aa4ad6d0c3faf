/// A JSON value as RocketMQ writes it: standard JSON, or fastjson's dialect where an object key can be any
/// value (`{0:"a"}`, `{{"brokerName":"b","queueId":0,"topic":"t"}:{…}}`).
///
/// Objects keep their members in document order, so parse → write reproduces the input byte for byte.
/// Read with the accessors in `RemotingJSON+Accessors.swift` (`json["brokerAddrs"]`, `try value.int()`,
/// `try value.object()`), parse with ``init(parsing:maxDepth:)-(ByteBuffer,_)``, write with
/// ``write(into:dialect:sortKeys:)``.
public enum RemotingJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits Int64 (Java `int`/`long`).
    case integer(Int64)
    /// Any other number (Java `double`/`float`), or an integer too large for Int64.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([RemotingJSON])
    /// An object; its keys may be any value (fastjson), in document order.
    case object(RemotingJSONObject)
}

extension RemotingJSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// `nil` is `.null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal.
    public init(arrayLiteral elements: RemotingJSON...) { self = .array(elements) }
    /// An object literal, members in literal order; keys are values, so `[0: "a"]` has an integer key.
    public init(dictionaryLiteral elements: (RemotingJSON, RemotingJSON)...) {
        self = .object(RemotingJSONObject(elements))
    }
}
