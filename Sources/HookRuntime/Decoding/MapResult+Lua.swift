import CLua

extension MapResult {
    /// What a `map` hook must return (for error messages).
    static let expectedShape =
        "nil to skip, or a table with any of name, namespace (strings), queues (integer >= 1), perm (integer 0-15), order (boolean)"
}

extension LuaState {
    /// Reads a `map` hook's return value straight from the stack (the hot path: no intermediate
    /// ``LuaValue``): `nil` means skip.
    func mapResult(at index: Int32, input: HookResource) throws(HookShapeError) -> MapResult? {
        let index = lua_absindex(L, index)
        switch lua_type(L, index) {
        case LUA_TNIL: return nil
        case LUA_TTABLE: break
        default: throw HookShapeError(problem: "map returned \(shapeName(at: index))")
        }
        var result = MapResult()
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            guard lua_type(L, -2) == LUA_TSTRING, let key = string(at: -2) else {
                throw HookShapeError(problem: "map returned a table with a non-string key \(shapeName(at: -2))")
            }
            switch key {
            case "name": result.name = try stringField(key)
            case "namespace": result.namespace = try stringField(key)
            case "queues": result.queues = try integerField(key)
            case "perm": result.perm = try integerField(key)
            case "order":
                guard lua_type(L, -1) == LUA_TBOOLEAN else { throw fieldError(key, expected: "a boolean") }
                result.order = lua_toboolean(L, -1) != 0
            case "kind", "cluster":
                let value = try stringField(key)
                let original = key == "kind" ? input.kind.rawValue : input.cluster
                if value != original { throw HookShapeError(problem: "field '\(key)' cannot change (\(original) → \(value))") }
            default:
                throw HookShapeError(problem: "unknown field '\(key)'")
            }
            lua_settop(L, -2)
        }
        // A value equal to the input's is what the runtime handed the hook (a group's 0 queues, say):
        // returning it is always valid. Only changes must be valid values.
        if let name = result.name, name != input.name, name.isEmpty { throw HookShapeError(problem: "field 'name' is empty") }
        if let queues = result.queues, queues != input.queues, queues < 1 {
            throw HookShapeError(problem: "field 'queues' is \(queues)")
        }
        if let perm = result.perm, perm != input.perm, !(0...15).contains(perm) {
            throw HookShapeError(problem: "field 'perm' is \(perm)")
        }
        return result
    }

    /// The value on top as a string.
    private func stringField(_ key: String) throws(HookShapeError) -> String {
        guard lua_type(L, -1) == LUA_TSTRING, let value = string(at: -1) else { throw fieldError(key, expected: "a string") }
        return value
    }

    /// The value on top as an integer (a float with an integral value is accepted).
    private func integerField(_ key: String) throws(HookShapeError) -> Int {
        guard lua_type(L, -1) == LUA_TNUMBER else { throw fieldError(key, expected: "an integer") }
        if lua_isinteger(L, -1) != 0, let value = Int(exactly: lua_tointegerx(L, -1, nil)) { return value }
        if let value = Int(exactly: lua_tonumberx(L, -1, nil)) { return value }
        throw fieldError(key, expected: "an integer")
    }

    private func fieldError(_ key: String, expected: String) -> HookShapeError {
        HookShapeError(problem: "field '\(key)' is \(shapeName(at: -1)), expected \(expected)")
    }

    /// "an integer", "a float", "nil", "a string"… for the value at `index`.
    private func shapeName(at index: Int32) -> String {
        switch lua_type(L, index) {
        case LUA_TNIL: "nil"
        case LUA_TNUMBER: lua_isinteger(L, index) != 0 ? "an integer" : "a float"
        case let type: "a \(String(cString: lua_typename(L, type)))"
        }
    }
}
