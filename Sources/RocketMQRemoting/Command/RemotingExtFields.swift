/// The `extFields` of a RemotingCommand: string keys to string values, **in wire order**.
///
/// Java keeps them in a `HashMap`, so the order on the wire is the sender's hash order. Keeping the order
/// we received lets a decoded command re-encode byte for byte. Equality and hashing ignore order (two
/// ext maps with the same entries are equal), as they do for the Java map.
///
/// Setting an existing key replaces its value in place; setting a new key appends it. Lookup and setting take
/// constant time (a key index sits beside the entries), so building a set of `n` fields is linear in `n`.
public struct RemotingExtFields: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral,
    CustomStringConvertible
{
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        /// The field name, e.g. `"topic"`.
        public var key: String
        /// The field value; every header value is a string on the wire.
        public var value: String

        /// Creates an entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The most ext fields a decoded header may carry. RocketMQ's request and response headers have a few dozen
    /// fields at most; a peer sending more is refused before its fields are stored.
    public static let maxDecodedCount = 256

    /// The entries in wire order.
    public private(set) var entries: [Entry]
    /// Key → position in ``entries``.
    private var positions: [String: Int]

    /// An empty set of fields.
    public init() {
        self.entries = []
        self.positions = [:]
    }

    /// Fields in the given order; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, String)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// Fields from a dictionary, sorted by key (a dictionary has no stable order of its own).
    public init(_ dictionary: [String: String]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Fields in literal order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The value for `key`, or nil; setting nil removes the key.
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

    /// The fields as a dictionary (order dropped).
    public var dictionary: [String: String] {
        Dictionary(self.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Position of the first entry.
    public var startIndex: Int { self.entries.startIndex }
    /// Position past the last entry.
    public var endIndex: Int { self.entries.endIndex }
    /// The entry at `position`.
    public subscript(position: Int) -> Entry { self.entries[position] }

    /// Same entries, in any order.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Order-independent hash.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for entry in self.entries { combined ^= entry.hashValue }
        hasher.combine(self.entries.count)
        hasher.combine(combined)
    }

    /// `[key: value, …]` in wire order.
    public var description: String {
        "[" + self.entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
