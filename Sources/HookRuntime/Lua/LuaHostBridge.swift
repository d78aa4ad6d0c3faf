import CLua
import CLuaSandbox
import Logging

/// The host functions a script can call. Each is a C closure over its id that lands in
/// ``LuaHostBridge/invoke(_:tag:state:arguments:)`` through the C trampoline.
enum LuaHostFunction: Int32 {
    /// `print(...)`: the arguments, converted with `tostring` and joined by tabs, go to the logger.
    case print = 1
}

/// Receives host-function calls from Lua. Runs inside the C trampoline: it may only read the
/// stack (every argument is already a string there) and must never push or raise; it reports a
/// failure by returning non-zero after `ferry_sandbox_host_error`, and the trampoline raises from C.
final class LuaHostBridge {
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func invoke(_ function: LuaHostFunction, tag: String, state: OpaquePointer, arguments: Int32) -> Int32 {
        switch function {
        case .print:
            var parts: [String] = []
            parts.reserveCapacity(Int(arguments))
            for index in stride(from: Int32(1), through: arguments, by: 1) {
                var length = 0
                let bytes = lua_tolstring(state, index, &length)
                parts.append(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
            }
            logger.info("\(parts.joined(separator: "\t"))", metadata: ["hook.script": "\(tag)"])
            return 0
        }
    }
}

@available(*, unavailable)
extension LuaHostBridge: Sendable {}

/// The C-callable entry point for every host function (see `ferry_host_callback`).
let luaHostCallback: ferry_host_callback = { context, state, functionID, tag, arguments in
    guard let context, let state else { return 1 }
    let bridge = Unmanaged<LuaHostBridge>.fromOpaque(context).takeUnretainedValue()
    guard let function = LuaHostFunction(rawValue: functionID) else {
        ferry_sandbox_host_error(state, "unknown host function")
        return 1
    }
    return bridge.invoke(function, tag: tag.map { String(cString: $0) } ?? "", state: state, arguments: arguments)
}
