import CLua

/// Why a Lua value could not be read as a ``LuaValue``.
struct LuaReadError: Error, Equatable {
    enum Reason: Equatable {
        /// A function, userdata or thread.
        case unsupportedType(String)
        /// Tables nested deeper than the reader's depth limit (or a table that contains itself).
        case tooDeep(Int)
        /// More entries or string bytes than the reader's ``LuaReadBudget`` (shared subtables count
        /// once per reference).
        case tooLarge(LuaReadBudget)
    }

    var reason: Reason
    /// Where the value sits, outermost key first.
    var path: [String] = []

    /// The problem, with the path below `root` (e.g. `result.checks[2].ok`).
    func description(root: String) -> String {
        var location = root
        for component in path {
            location += component.hasPrefix("[") ? component : ".\(component)"
        }
        return switch reason {
        case .unsupportedType(let type): "a \(type) at \(location) cannot leave Lua"
        case .tooDeep(let depth): "tables nested more than \(depth) deep (or cyclic) at \(location)"
        case .tooLarge(let budget):
            "more than \(budget.entries) table entries or \(budget.bytes) bytes of strings at \(location)"
        }
    }
}

/// How much a read may copy out of Lua: every table entry and string byte visited counts, so a
/// value cannot make the reader's work exceed it (however its tables share subtables).
struct LuaReadBudget: Equatable, Sendable {
    /// Table entries (key-value pairs) visited, over all tables.
    var entries: Int
    /// Bytes of strings copied, over all keys and values.
    var bytes: Int
    /// Tables nested inside one another (the outermost is depth 1).
    var depth: Int

    /// What a hook result may hold: far above any sensible result, far below what costs time.
    static let result = LuaReadBudget(entries: 10_000, bytes: 1 << 20, depth: 32)
}

extension LuaState {

    /// Pushes a Swift value onto the Lua stack.
    func push(_ value: LuaValue) {
        switch value {
        case .nil:
            lua_pushnil(L)
        case .boolean(let flag):
            lua_pushboolean(L, flag ? 1 : 0)
        case .integer(let integer):
            lua_pushinteger(L, integer)
        case .number(let number):
            lua_pushnumber(L, number)
        case .string(let string):
            push(string)
        case .array(let elements):
            _ = lua_checkstack(L, 3)
            lua_createtable(L, Int32(clamping: elements.count), 0)
            for (offset, element) in elements.enumerated() {
                push(element)
                lua_rawseti(L, -2, lua_Integer(offset + 1))
            }
        case .table(let entries):
            _ = lua_checkstack(L, 3)
            lua_createtable(L, 0, Int32(clamping: entries.count))
            for (key, element) in entries where key != .nil {
                push(key)
                push(element)
                lua_rawset(L, -3)
            }
        }
    }

    /// Reads the value at `index` without running any metamethod, within `budget` (checked while
    /// reading, so the work stays bounded whatever the value is).
    func value(at index: Int32, budget: LuaReadBudget = .result) throws(LuaReadError) -> LuaValue {
        var reader = BudgetedReader(limit: budget)
        return try value(at: lua_absindex(L, index), depth: 0, reader: &reader)
    }

    /// What a read has used so far.
    private struct BudgetedReader {
        let limit: LuaReadBudget
        var entries = 0
        var bytes = 0

        mutating func charge(entries: Int = 0, bytes: Int = 0) throws(LuaReadError) {
            self.entries += entries
            self.bytes += bytes
            if self.entries > limit.entries || self.bytes > limit.bytes { throw LuaReadError(reason: .tooLarge(limit)) }
        }
    }

    private func value(at index: Int32, depth: Int, reader: inout BudgetedReader) throws(LuaReadError) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE:
            return .nil
        case LUA_TBOOLEAN:
            return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            try reader.charge(bytes: Int(lua_rawlen(L, index)))
            return .string(string(at: index) ?? "")
        case LUA_TTABLE:
            return try table(at: index, depth: depth, reader: &reader)
        case let type:
            throw LuaReadError(reason: .unsupportedType(String(cString: lua_typename(L, type))))
        }
    }

    private func table(at index: Int32, depth: Int, reader: inout BudgetedReader) throws(LuaReadError) -> LuaValue {
        guard depth < reader.limit.depth, lua_checkstack(L, 4) != 0 else {
            throw LuaReadError(reason: .tooDeep(reader.limit.depth))
        }
        var entries: [LuaValue: LuaValue] = [:]
        var isSequence = true
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            // Read the key without lua_tolstring's in-place conversion, which would confuse lua_next.
            let key: LuaValue
            do {
                try reader.charge(entries: 1)
                key = try value(at: lua_absindex(L, -2), depth: depth + 1, reader: &reader)
            } catch {
                lua_settop(L, -3)
                throw error
            }
            do {
                entries[key] = try value(at: lua_absindex(L, -1), depth: depth + 1, reader: &reader)
            } catch {
                lua_settop(L, -3)
                throw LuaReadError(reason: error.reason, path: [Self.describe(key)] + error.path)
            }
            if case .integer = key {} else { isSequence = false }
            lua_settop(L, -2)
        }
        if isSequence, !entries.isEmpty {
            var elements: [LuaValue] = []
            elements.reserveCapacity(entries.count)
            for position in 1...entries.count {
                guard let element = entries[.integer(Int64(position))] else { return .table(entries) }
                elements.append(element)
            }
            return .array(elements)
        }
        return .table(entries)
    }

    private static func describe(_ key: LuaValue) -> String {
        switch key {
        case .string(let string): string
        case .integer(let integer): "[\(integer)]"
        case .number(let number): "[\(number)]"
        case .boolean(let flag): "[\(flag)]"
        default: "[?]"
        }
    }
}
