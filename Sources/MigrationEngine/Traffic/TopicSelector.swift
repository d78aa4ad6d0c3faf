/// A topic selector as operators type it: a plain name, or a glob where `*` matches any run of characters and
/// `?` any one character (no escapes; RocketMQ topic names hold neither).
public struct TopicSelector: Sendable, Hashable, CustomStringConvertible {
    /// The selector as typed.
    public var pattern: String
    private let characters: [Character]

    /// Makes a selector.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    /// Whether the selector holds a wildcard.
    public var isGlob: Bool { self.characters.contains("*") || self.characters.contains("?") }

    /// Whether `name` matches. Two-pointer matching with one backtrack point, so a hostile pattern
    /// costs at most `pattern × name` steps.
    public func matches(_ name: String) -> Bool {
        let text = Array(name)
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < self.characters.count, self.characters[p] == "?" || self.characters[p] == text[t] {
                p += 1
                t += 1
            } else if p < self.characters.count, self.characters[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < self.characters.count, self.characters[p] == "*" { p += 1 }
        return p == self.characters.count
    }

    /// The names of `names` that any selector matches, in `names`' order, and the selectors that matched none.
    public static func select(
        _ selectors: [TopicSelector], from names: [String]
    ) -> (selected: [String], unmatched: [TopicSelector]) {
        var used = Set<TopicSelector>()
        var selected: [String] = []
        for name in names {
            var hit = false
            for selector in selectors where selector.matches(name) {
                used.insert(selector)
                hit = true
            }
            if hit { selected.append(name) }
        }
        return (selected, selectors.filter { !used.contains($0) })
    }

    /// The pattern.
    public var description: String { self.pattern }
}
