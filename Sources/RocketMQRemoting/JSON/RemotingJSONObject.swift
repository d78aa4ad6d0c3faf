/// A JSON object with ordered members whose keys are any ``RemotingJSON`` value.
///
/// Standard JSON keys are ``RemotingJSON/string(_:)``; fastjson writes `Map<Long,…>` keys as
/// ``RemotingJSON/integer(_:)`` and `Map<MessageQueue,…>` keys as ``RemotingJSON/object(_:)``. Lookup by a
/// `String` matches a string key and also an integer key with the same digits, so `object["0"]` finds
/// both `{"0":…}` and `{0:…}`. Lookup is a linear scan (RocketMQ objects are small or iterated whole).
public struct RemotingJSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One key and its value.
    public struct Member: Sendable, Hashable {
        /// The key: a string in standard JSON, any value in fastjson's dialect.
        public var key: RemotingJSON
        /// The value.
        public var value: RemotingJSON

        /// Creates a member.
        public init(key: RemotingJSON, value: RemotingJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order (duplicate keys are kept as they came).
    public var members: [Member]

    /// An empty object.
    public init() { self.members = [] }

    /// An object with these members, in order.
    public init(_ members: some Sequence<(RemotingJSON, RemotingJSON)>) {
        self.members = members.map { Member(key: $0.0, value: $0.1) }
    }

    /// An object with these members, in order.
    public init(members: [Member]) { self.members = members }

    /// An object literal, members in literal order.
    public init(dictionaryLiteral elements: (RemotingJSON, RemotingJSON)...) {
        self.init(elements)
    }

    /// The value of the first member whose key is the string `key` or an integer spelled `key`; setting
    /// replaces that member's value, appends a string-keyed member, or (nil) removes the member.
    public subscript(key: String) -> RemotingJSON? {
        get { self.firstIndex(ofKey: key).map { self.members[$0].value } }
        set { self.set(newValue, at: self.firstIndex(ofKey: key), key: .string(key)) }
    }

    /// The value of the first member whose key equals `key` exactly (any key type); setting works as for
    /// the string subscript.
    public subscript(key key: RemotingJSON) -> RemotingJSON? {
        get { self.members.first { $0.key == key }?.value }
        set { self.set(newValue, at: self.members.firstIndex { $0.key == key }, key: key) }
    }

    /// Appends a member, even if the key exists.
    public mutating func append(key: RemotingJSON, value: RemotingJSON) {
        self.members.append(Member(key: key, value: value))
    }

    /// The members' keys, in order.
    public var keys: [RemotingJSON] { self.members.map(\.key) }

    /// Position of the first member.
    public var startIndex: Int { self.members.startIndex }
    /// Position past the last member.
    public var endIndex: Int { self.members.endIndex }
    /// The member at `position`.
    public subscript(position: Int) -> Member { self.members[position] }

    private func firstIndex(ofKey key: String) -> Int? {
        self.members.firstIndex { member in
            switch member.key {
            case .string(let string): string == key
            case .integer(let integer): String(integer) == key
            default: false
            }
        }
    }

    private mutating func set(_ value: RemotingJSON?, at index: Int?, key: RemotingJSON) {
        switch (index, value) {
        case (let index?, let value?): self.members[index].value = value
        case (let index?, nil): self.members.remove(at: index)
        case (nil, let value?): self.members.append(Member(key: key, value: value))
        case (nil, nil): break
        }
    }
}
