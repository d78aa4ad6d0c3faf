import CLua
import CLuaSandbox

extension HookScriptSet {
    /// Runs the sandbox prelude and returns a registry reference to its environment factory.
    static func loadPrelude(into state: LuaState) throws(HookError) -> Int32 {
        var prelude = LuaSandboxPrelude.source
        let status = prelude.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(state.L, $0.baseAddress, $0.count, "=sandbox", "t") }
        }
        do throws(LuaState.CallFailure) {
            guard status == LUA_OK else {
                throw LuaState.CallFailure(status: status, stop: FERRY_STOP_NONE, message: state.string(at: -1) ?? "", source: "", line: 0)
            }
            try state.call(arguments: 0, results: 1, instructions: 0, deadlineNanoseconds: 0)
        } catch {
            throw HookError(code: .loadFailed, message: "sandbox prelude failed: \(error.message)")
        }
        return state.makeReference()
    }

    /// Compiles and runs one script in its own environment; returns registry references to the
    /// hooks it defines.
    static func load(
        _ script: HookScript,
        into state: LuaState,
        factory: Int32,
        limits: HookLimits?
    ) throws(HookError) -> [HookName: Int32] {
        let L = state.L
        defer { state.clearStack() }
        var source = script.source
        let status = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(L, $0.baseAddress, $0.count, "@\(script.file)", "t") }
        }
        guard status == LUA_OK else {
            let failure = LuaState.CallFailure(status: status, stop: FERRY_STOP_NONE, message: state.string(at: -1) ?? "", source: "", line: 0)
            var error = hookError(failure, hook: nil, file: script.file)
            if status == LUA_ERRSYNTAX { error.code = .syntax }
            throw error
        }
        // chunk | env: build the environment, keep a copy, make it the chunk's _ENV upvalue.
        state.pushReference(factory)
        state.pushHostFunction(.print, tag: script.file)
        do {
            try state.call(arguments: 1, results: 1, instructions: 0, deadlineNanoseconds: 0)
        } catch {
            throw HookError(code: .loadFailed, message: "cannot build the script environment: \(error.message)", file: script.file)
        }
        lua_pushvalue(L, -1)
        lua_rotate(L, -3, 1)  // env | chunk | env
        _ = lua_setupvalue(L, -2, 1)
        do {
            try state.call(
                arguments: 0,
                results: 0,
                instructions: Int64(limits?.loadInstructions ?? 0),
                deadlineNanoseconds: limits?.loadDeadline.nanoseconds ?? 0
            )
        } catch {
            throw hookError(error, hook: nil, file: script.file)
        }
        var hooks: [HookName: Int32] = [:]
        for hook in HookName.allCases {
            state.push(hook.rawValue)
            lua_rawget(L, 1)
            switch lua_type(L, -1) {
            case LUA_TFUNCTION:
                hooks[hook] = state.makeReference()
            case LUA_TNIL:
                lua_settop(L, -2)
            default:
                let type = String(cString: lua_typename(L, lua_type(L, -1)))
                throw HookError(
                    code: .invalidDefinition,
                    message: "global '\(hook.rawValue)' is a \(type), expected a function",
                    file: script.file
                )
            }
        }
        return hooks
    }

    /// Turns a failed protected call into a typed error with the script's line.
    static func hookError(_ failure: LuaState.CallFailure, hook: HookName?, file: String) -> HookError {
        let code: HookError.Code =
            switch failure.stop {
            case FERRY_STOP_INSTRUCTIONS: .instructionBudget
            case FERRY_STOP_DEADLINE: .deadline
            default: failure.status == LUA_ERRMEM ? .memoryLimit : .runtime
            }
        var message = failure.message
        var line = failure.source == file && failure.line > 0 ? failure.line : nil
        let prefix = "\(file):"
        if message.hasPrefix(prefix) {
            let rest = message.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isNumber }
            if let number = Int(digits), rest.dropFirst(digits.count).hasPrefix(":") {
                line = number
                message = String(rest.dropFirst(digits.count + 1).drop { $0 == " " })
            }
        }
        return HookError(code: code, message: message, hook: hook, file: file, line: line)
    }
}
