import CLua
import Testing

@testable import HookRuntime

extension LuaState {
    /// Compiles `source` and runs it protected (unlimited budget), leaving `results` values.
    func run(_ source: String, results: Int32, instructions: Int64 = 0) throws {
        var text = source
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(L, $0.baseAddress, $0.count, "=test", "t") }
        }
        try #require(status == LUA_OK)
        try call(arguments: 0, results: results, instructions: instructions, deadlineNanoseconds: 0)
    }
}
