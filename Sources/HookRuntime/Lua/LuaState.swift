import CLua
import CLuaSandbox

/// Owns one sandboxed `lua_State` (through its C `ferry_sandbox`) and closes it in `deinit`.
///
/// A Lua state is not thread-safe, so this class is not `Sendable`: it lives inside one
/// ``HookScriptSet``, which lives inside the ``HookRuntime`` actor.
final class LuaState {
    typealias Pointer = OpaquePointer

    /// The raw state. Never leaves this module.
    let L: Pointer
    private let sandbox: OpaquePointer
    /// Receives `print` and other host-function calls; kept alive as long as the state.
    private let host: LuaHostBridge

    /// Opens a state with the allow-listed libraries.
    /// - Parameters:
    ///   - limits: the per-call limits; `nil` opens an unlimited state (no hook, no counting allocator).
    ///   - host: the receiver of host-function calls.
    init(limits: HookLimits?, host: LuaHostBridge) throws(HookError) {
        guard let sandbox = ferry_sandbox_open(limits == nil ? 0 : 1, limits?.memoryBytes ?? 0) else {
            throw HookError(code: .loadFailed, message: "cannot create a Lua state")
        }
        self.sandbox = sandbox
        self.L = ferry_sandbox_state(sandbox)
        self.host = host
        ferry_sandbox_set_host(sandbox, luaHostCallback, Unmanaged.passUnretained(host).toOpaque())
    }

    deinit {
        ferry_sandbox_close(sandbox)
    }

    /// Bytes the state holds (0 for an unlimited state, which does not count).
    var memoryUsed: Int { ferry_sandbox_memory_used(sandbox) }

    /// Pushes a host function (a C closure calling back into ``LuaHostBridge``).
    func pushHostFunction(_ function: LuaHostFunction, tag: String) {
        ferry_sandbox_push_host_function(sandbox, function.rawValue, tag)
    }

    /// The outcome of a protected call that failed.
    struct CallFailure: Error {
        /// The lua_pcall status (LUA_ERRRUN, LUA_ERRMEM, LUA_ERRERR).
        var status: Int32
        /// Why the sandbox stopped the call, if it did.
        var stop: ferry_sandbox_stop
        /// The Lua error message.
        var message: String
        /// The innermost Lua frame's chunk name and line, when known.
        var source: String
        var line: Int
    }

    /// Calls the function below `arguments` values on the stack, protected and under the budget.
    /// On failure the stack is restored to below the function.
    func call(arguments: Int32, results: Int32, instructions: Int64, deadlineNanoseconds: Int64) throws(CallFailure) {
        let status = ferry_sandbox_pcall(sandbox, arguments, results, instructions, deadlineNanoseconds)
        guard status != LUA_OK else { return }
        let message = string(at: -1) ?? "unknown error"
        lua_settop(L, -2)
        throw CallFailure(
            status: status,
            stop: ferry_sandbox_last_stop(sandbox),
            message: message,
            source: String(cString: ferry_sandbox_last_error_source(sandbox)),
            line: Int(ferry_sandbox_last_error_line(sandbox))
        )
    }

    /// Runs a full garbage collection under the budget (used after a memory blow-up).
    func collectGarbage(instructions: Int64, deadlineNanoseconds: Int64) {
        _ = ferry_sandbox_collect(sandbox, instructions, deadlineNanoseconds)
    }

    /// The string at `index` without conversion (nil when the value is not a string).
    func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    /// Pushes a Swift string as a Lua string.
    func push(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Sets `table[key] = value on top` without metamethods (the table sits at `table` < 0 before the push).
    func rawSetField(_ key: String, in table: Int32) {
        push(key)
        lua_rotate(L, -2, 1)
        lua_rawset(L, table - 1)
    }

    /// Pops the top value and returns a registry reference to it.
    func makeReference() -> Int32 {
        luaL_ref(L, ferry_LUA_REGISTRYINDEX)
    }

    /// Pushes the value held by a registry reference.
    func pushReference(_ reference: Int32) {
        lua_rawgeti(L, ferry_LUA_REGISTRYINDEX, lua_Integer(reference))
    }

    /// Empties the stack.
    func clearStack() {
        lua_settop(L, 0)
    }
}

@available(*, unavailable)
extension LuaState: Sendable {}
