/// A TAG subscription expression as `FilterAPI.buildSubscriptionData` reads it: `*` (or empty) for
/// every message, else tags separated by `||`, e.g. `TagA || TagB`.
struct SubscriptionExpression: Sendable, Hashable {
    /// The expression as given (`subString` on the wire), `*` for all.
    let text: String
    /// The tags, trimmed; empty for `*`.
    let tags: [String]
    /// The subscription's version: the wall-clock time it was built, in ms (Java's `subVersion`).
    let version: Int64

    init(_ text: String, version: Int64 = WallClock.nowMillis()) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty || trimmed == "*" {
            self.text = "*"
            self.tags = []
        } else {
            self.text = trimmed
            self.tags = trimmed.split(separator: "||").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        self.version = version
    }

    /// True for `*`.
    var matchesAll: Bool { self.tags.isEmpty }

    /// The Java `String.hashCode` of each tag (`codeSet`), which brokers filter on.
    var codes: [Int32] { self.tags.map(Self.javaHashCode) }

    /// Whether a message with `tag` passes the client-side tag check (brokers filter only by hash).
    func matches(tag: String?) -> Bool {
        self.matchesAll || tag.map(self.tags.contains) == true
    }

    /// Java's `String.hashCode`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code units, wrapping in Int32.
    static func javaHashCode(_ text: String) -> Int32 {
        var hash: Int32 = 0
        for unit in text.utf16 { hash = hash &* 31 &+ Int32(unit) }
        return hash
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
