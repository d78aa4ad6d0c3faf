@testable import HookRuntime

/// Random hook results, as a ``LuaValue`` and as the Lua expression that builds it. Results lean
/// towards the shapes the decoders expect (known field names, plausible types) so that both the
/// accepting and the refusing paths run.
struct LuaValueGenerator {
    var random: FuzzRandom

    private static let fieldNames = [
        "ok", "allow", "reason", "checks", "name", "namespace", "queues", "perm", "order", "kind", "cluster", "x", "",
    ]

    mutating func scalar() -> LuaValue {
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return .boolean(Bool.random(using: &random))
        case 1: return .integer(Int64.random(in: -3...20, using: &random))
        case 2: return .integer([Int64.min, Int64.max, 0, -1, 15, 16][Int.random(in: 0..<6, using: &random)])
        case 3: return .number([0.5, -0.0, 8.0, 1e300, -1e-300, .infinity][Int.random(in: 0..<6, using: &random)])
        case 4: return .string(["", "ok", "topic", "naïve ✓", "a\u{0}b", "\\", "]]"][Int.random(in: 0..<7, using: &random)])
        case 5: return .string(String(repeating: "x", count: Int.random(in: 0...300, using: &random)))
        case 6: return .nil
        default: return .boolean(Bool.random(using: &random))
        }
    }

    /// A value at most `depth` tables deep.
    mutating func value(depth: Int) -> LuaValue {
        guard depth > 0, Int.random(in: 0..<3, using: &random) == 0 else { return scalar() }
        return table(depth: depth)
    }

    mutating func table(depth: Int) -> LuaValue {
        let count = Int.random(in: 0...5, using: &random)
        if Bool.random(using: &random) {
            return .array((0..<count).map { _ in nonNil(depth: depth - 1) })
        }
        var entries: [LuaValue: LuaValue] = [:]
        for _ in 0..<count {
            let key: LuaValue =
                Int.random(in: 0..<5, using: &random) == 0
                ? .integer(Int64.random(in: 1...4, using: &random))
                : .string(Self.fieldNames[Int.random(in: 0..<Self.fieldNames.count, using: &random)])
            let element = value(depth: depth - 1)
            if element != .nil { entries[key] = element }
        }
        return .table(entries)
    }

    private mutating func nonNil(depth: Int) -> LuaValue {
        let element = value(depth: depth)
        return element == .nil ? .boolean(true) : element
    }

    /// The Lua expression that evaluates to `value`.
    static func literal(_ value: LuaValue) -> String {
        switch value {
        case .nil: return "nil"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let integer): return integer == .min ? "math.mininteger" : "\(integer)"
        case .number(let number):
            if number.isInfinite { return number > 0 ? "(1/0)" : "(-1/0)" }
            return number == 0 && number.sign == .minus ? "(-0.0)" : "\(number)"
        case .string(let string):
            return "\"" + string.utf8.map { "\\\($0)" }.joined() + "\""
        case .array(let elements):
            return "{" + elements.map(literal).joined(separator: ", ") + "}"
        case .table(let entries):
            return "{" + entries.map { "[\(literal($0.key))] = \(literal($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// Results built to be expensive to read or to exceed the reader's budget.
    static let bombs = [
        "(function() local t = {} for i = 1, 24 do t = {t, t} end return {ok = true, allow = true, checks = t, reason = t} end)()",
        "(function() local c = {} for i = 1, 20000 do c[i] = {name = 'c', ok = true} end return {ok = true, checks = c} end)()",
        "(function() local s = ('x'):rep(900000) return {ok = true, allow = true, reason = s, name = s, checks = {a = {ok = true, reason = s}, b = {ok = true, reason = s}}} end)()",
        "(function() local t = {} t.ok = true t.checks = {t} return t end)()",
    ]
}
