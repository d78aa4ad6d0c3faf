/// A Java map as it travels in a RocketMQ body: unique keys, **in the order they were received**.
///
/// Java fills these maps from `HashMap`s and `ConcurrentHashMap`s, so the order on the wire is the sender's
/// hash order. Keeping it lets a decoded body re-encode byte for byte. Equality and hashing ignore order, as
/// they do for the Java map. Setting an existing key replaces its value in place; a new key is appended.
public struct OrderedMap<Key: Hashable & Sendable, Value: Sendable>: Sendable, RandomAccessCollection,
    ExpressibleByDictionaryLiteral
{
    /// One key and its value.
    public typealias Element = (key: Key, value: Value)

    /// The keys in order.
    public private(set) var keys: [Key]
    /// The values, in the order of ``keys``.
    public private(set) var values: [Value]
    private var positions: [Key: Int]

    /// An empty map.
    public init() {
        self.keys = []
        self.values = []
        self.positions = [:]
    }

    /// A map in the given order; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(Key, Value)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// A map in literal order.
    public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init(elements)
    }

    /// The first position.
    public var startIndex: Int { 0 }
    /// One past the last position.
    public var endIndex: Int { keys.count }

    /// The entry at a position.
    public subscript(position: Int) -> Element { (keys[position], values[position]) }

    /// The value for a key, or nil; setting nil removes the key.
    public subscript(key: Key) -> Value? {
        get { positions[key].map { values[$0] } }
        set {
            switch (positions[key], newValue) {
            case (let index?, let value?):
                values[index] = value
            case (let index?, nil):
                keys.remove(at: index)
                values.remove(at: index)
                positions = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            case (nil, let value?):
                positions[key] = keys.count
                keys.append(key)
                values.append(value)
            case (nil, nil):
                break
            }
        }
    }

    /// The entries as a dictionary (order lost).
    public var dictionary: [Key: Value] {
        Dictionary(uniqueKeysWithValues: zip(keys, values))
    }

    /// The same entries with each value transformed, in the same order.
    public func mapValues<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> OrderedMap<Key, T> {
        var result = OrderedMap<Key, T>()
        for (key, value) in self { result[key] = try transform(value) }
        return result
    }
}

extension OrderedMap where Key: Comparable {
    /// A map from a dictionary, sorted by key (a dictionary has no stable order of its own).
    public init(_ dictionary: [Key: Value]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The same entries sorted by key, as fastjson writes with `MapSortField` (the standard-JSON route dialect).
    public func sortedByKey() -> OrderedMap {
        OrderedMap(self.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}

extension OrderedMap: Equatable where Value: Equatable {
    /// Same keys with equal values, in any order.
    public static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension OrderedMap: Hashable where Value: Hashable {
    /// Hashes the entries independently of their order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in self {
            var entryHasher = Hasher()
            entryHasher.combine(key)
            entryHasher.combine(value)
            combined ^= entryHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension OrderedMap: CustomStringConvertible {
    /// `[key: value, …]` in order.
    public var description: String {
        "[" + self.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
