import CLua
import Testing

@testable import HookRuntime

/// Values crossing the Swift–Lua boundary both ways.
@Suite struct LuaValueTests {
    /// Pushes `value`, passes it through a Lua function and reads back what that function returns
    /// (the value itself, and Lua's own description of it).
    private func roundTrip(_ value: LuaValue) throws -> (value: LuaValue, seenInLua: String) {
        let state = try LuaState(limits: HookLimits(), host: LuaHostBridge(logger: quietLogger))
        let source = """
            local function describe(v)
                if type(v) == "number" then return math.type(v) end
                if type(v) ~= "table" then return type(v) end
                local keys = {}
                for k, x in pairs(v) do keys[#keys + 1] = tostring(k) .. "=" .. describe(x) end
                table.sort(keys)
                return "{" .. table.concat(keys, ",") .. "}"
            end
            return function(v) return v, describe(v) end
            """
        try state.run(source, results: 1)
        state.push(value)
        try state.call(arguments: 1, results: 2, instructions: 0, deadlineNanoseconds: 0)
        defer { state.clearStack() }
        return (try state.value(at: -2), state.string(at: -1) ?? "")
    }

    @Test(arguments: [
        (LuaValue.nil, "nil"),
        (.boolean(true), "boolean"),
        (.boolean(false), "boolean"),
        (.integer(42), "integer"),
        (.integer(.min), "integer"),
        (.number(42), "float"),
        (.number(-0.5), "float"),
        (.string("mro_order_created"), "string"),
        (.string(""), "string"),
        (.string("naïve ✓"), "string"),
    ])
    func scalarsRoundTrip(value: LuaValue, luaType: String) throws {
        let result = try roundTrip(value)
        #expect(result.value == value)
        #expect(result.seenInLua == luaType)
    }

    @Test func integerAndFloatStayDistinct() throws {
        let result = try roundTrip([1, 1.0, 2.5])
        #expect(result.value == .array([.integer(1), .number(1), .number(2.5)]))
        #expect(result.seenInLua == "{1=integer,2=float,3=float}")
    }

    @Test func arraysAndMapsAreTold() throws {
        #expect(try roundTrip(["a", "b", "c"]).value == .array(["a", "b", "c"]))
        #expect(try roundTrip(["a": 1, "b": true]).value == ["a": 1, "b": true])
        let sparse = LuaValue.table([.integer(1): "x", .integer(3): "y"])
        #expect(try roundTrip(sparse).value == sparse)
        let mixed = LuaValue.table([.integer(1): "x", .string("n"): 1])
        #expect(try roundTrip(mixed).value == mixed)
        #expect(try roundTrip(.table([:])).value == .table([:]))
    }

    @Test func nestedTablesRoundTrip() throws {
        let nested: LuaValue = [
            "backlog": ["GID_a": 10, "GID_b": 0],
            "clients": ["source": 3],
            "history": [[1, 2], ["x": [true, false]], 0.25],
        ]
        let result = try roundTrip(nested)
        #expect(result.value == nested)
        #expect(result.seenInLua.contains("history={1={1=integer,2=integer},2={x={1=boolean,2=boolean}},3=float}"))
    }

    @Test func functionsAndCyclesCannotLeaveLua() throws {
        let state = try LuaState(limits: HookLimits(), host: LuaHostBridge(logger: quietLogger))
        try state.run("local t = {f = print}; local c = {}; c.self = c; return t, c", results: 2)
        #expect(throws: LuaReadError(reason: .unsupportedType("function"), path: ["f"])) { try state.value(at: -2) }
        #expect(throws: LuaReadError.self) { try state.value(at: -1) }
        #expect(lua_gettop(state.L) == 2)
    }
}
