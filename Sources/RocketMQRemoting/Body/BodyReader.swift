/// Field access for decoding one JSON object into a body type, with errors that name the field path.
struct BodyReader {
    private let object: RemotingJSONObject
    private let typeName: String

    /// Starts reading `json`, which must be an object, as the Swift type `typeName`.
    init(_ json: RemotingJSON, as typeName: String) throws(RemotingError) {
        guard case .object(let object) = json else {
            throw RemotingError(.jsonTypeMismatch, "\(typeName): expected object, found \(json.typeName)")
        }
        self.object = object
        self.typeName = typeName
    }

    /// The value of `key` converted by `convert`; nil when the key is absent or `null`.
    func optional<T>(
        _ key: String,
        _ convert: (RemotingJSON) throws(RemotingError) -> T
    ) throws(RemotingError) -> T? {
        guard let value = object[key], !value.isNull else { return nil }
        do {
            return try convert(value)
        } catch {
            throw RemotingError(error.code, "\(typeName).\(key): \(error.reason)", offset: error.offset)
        }
    }

    /// The value of `key` converted by `convert`; throws `missingField` when absent or `null`.
    func required<T>(
        _ key: String,
        _ convert: (RemotingJSON) throws(RemotingError) -> T
    ) throws(RemotingError) -> T {
        guard let value = try optional(key, convert) else {
            throw RemotingError(.missingField, "\(typeName): missing field \"\(key)\"")
        }
        return value
    }

    func string(_ key: String) throws(RemotingError) -> String? { try optional(key) { v throws(RemotingError) in try v.string() } }
    func bool(_ key: String) throws(RemotingError) -> Bool? { try optional(key) { v throws(RemotingError) in try v.bool() } }
    func int32(_ key: String) throws(RemotingError) -> Int32? { try optional(key) { v throws(RemotingError) in try v.int32() } }
    func int64(_ key: String) throws(RemotingError) -> Int64? { try optional(key) { v throws(RemotingError) in try v.int64() } }
    func double(_ key: String) throws(RemotingError) -> Double? { try optional(key) { v throws(RemotingError) in try v.double() } }

    /// A JSON array of strings (a Java `List<String>` or `Set<String>`).
    func strings(_ key: String) throws(RemotingError) -> [String]? {
        try optional(key) { v throws(RemotingError) in try v.array().map { e throws(RemotingError) in try e.string() } }
    }

    /// A JSON array of objects decoded as `T`.
    func array<T: RemotingJSONBody>(_ key: String, of type: T.Type) throws(RemotingError) -> [T]? {
        try optional(key) { v throws(RemotingError) in try v.array().map { e throws(RemotingError) in try T(json: e) } }
    }

    /// A JSON object read as a Java map, keys converted by `convertKey`, values by `convertValue`.
    func map<K, V>(
        _ key: String,
        key convertKey: (RemotingJSON) throws(RemotingError) -> K,
        value convertValue: (RemotingJSON) throws(RemotingError) -> V
    ) throws(RemotingError) -> OrderedMap<K, V>? {
        try optional(key) { v throws(RemotingError) in try BodyReader.map(v, key: convertKey, value: convertValue) }
    }

    /// Reads a JSON object as a Java map.
    static func map<K, V>(
        _ json: RemotingJSON,
        key convertKey: (RemotingJSON) throws(RemotingError) -> K,
        value convertValue: (RemotingJSON) throws(RemotingError) -> V
    ) throws(RemotingError) -> OrderedMap<K, V> {
        var result = OrderedMap<K, V>()
        for member in try json.object() {
            let key = try convertKey(member.key)
            do {
                result[key] = try convertValue(member.value)
            } catch {
                throw RemotingError(error.code, "[\(member.key.keyText)]: \(error.reason)", offset: error.offset)
            }
        }
        return result
    }
}

/// Conversions of map keys, as both dialects write them.
enum BodyKey {
    /// A `String` key.
    static func string(_ json: RemotingJSON) throws(RemotingError) -> String {
        try json.string()
    }

    /// A `Long`/`Integer` key: unquoted (fastjson) or quoted (standard JSON).
    static func integer<T: FixedWidthInteger>(_ json: RemotingJSON) throws(RemotingError) -> T {
        switch json {
        case .integer(let value):
            if let result = T(exactly: value) { return result }
        case .string(let text):
            if let result = T(text) { return result }
        default:
            break
        }
        throw RemotingError(.jsonTypeMismatch, "expected an integer map key, found \(json.typeName) \(json.keyText)")
    }
}

/// Builds one JSON object the way fastjson writes a Java bean: fields sorted by name, nulls omitted.
struct BodyWriter {
    private var members: [(String, RemotingJSON)] = []

    /// Adds a field; `nil` is omitted, as fastjson omits null fields.
    mutating func set(_ key: String, _ value: RemotingJSON?) {
        if let value { members.append((key, value)) }
    }

    /// The object, fields in alphabetical order.
    var json: RemotingJSON {
        .object(RemotingJSONObject(members.sorted { $0.0 < $1.0 }.map { (RemotingJSON.string($0.0), $0.1) }))
    }

    /// A Java map as a JSON object, entries in the map's order.
    static func map<K, V>(
        _ map: OrderedMap<K, V>,
        key convertKey: (K) -> RemotingJSON,
        value convertValue: (V) -> RemotingJSON
    ) -> RemotingJSON {
        .object(RemotingJSONObject(map.map { (convertKey($0.key), convertValue($0.value)) }))
    }

    /// A Java map with `String` keys.
    static func map<V>(_ map: OrderedMap<String, V>, value convertValue: (V) -> RemotingJSON) -> RemotingJSON {
        Self.map(map, key: { RemotingJSON.string($0) }, value: convertValue)
    }

    /// A list of strings.
    static func strings(_ values: [String]) -> RemotingJSON {
        .array(values.map { .string($0) })
    }
}
