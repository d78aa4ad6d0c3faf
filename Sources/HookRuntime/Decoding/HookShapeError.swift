/// A hook's return value does not have the expected shape; becomes a ``HookError`` with code
/// ``HookError/Code/wrongShape`` that also states what was expected.
struct HookShapeError: Error {
    /// What is wrong, e.g. "field 'queues' is a string".
    var problem: String
}

extension LuaValue {
    /// The Lua type name, with integers and floats told apart (for error messages).
    var shapeName: String {
        switch self {
        case .integer: "an integer"
        case .number: "a float"
        case .nil: "nil"
        case .array: "a list"
        default: "a \(typeName)"
        }
    }

    /// The string-keyed fields of a table (an empty list reads as an empty table).
    func fields(of hook: String) throws(HookShapeError) -> [String: LuaValue] {
        let entries: [LuaValue: LuaValue]
        switch self {
        case .table(let table): entries = table
        case .array([]): entries = [:]
        default: throw HookShapeError(problem: "\(hook) returned \(shapeName)")
        }
        var fields: [String: LuaValue] = [:]
        for (key, value) in entries {
            guard case .string(let name) = key else {
                throw HookShapeError(problem: "\(hook) returned a table with a non-string key \(key.shapeName)")
            }
            fields[name] = value
        }
        return fields
    }
}

extension [String: LuaValue] {
    /// Field `name` as a string (nil when absent).
    func string(_ name: String) throws(HookShapeError) -> String? {
        switch self[name] {
        case nil, .nil?: return nil
        case .string(let text)?: return text
        case let other?: throw HookShapeError(problem: "field '\(name)' is \(other.shapeName), expected a string")
        }
    }

    /// Field `name` as a boolean (nil when absent).
    func boolean(_ name: String) throws(HookShapeError) -> Bool? {
        switch self[name] {
        case nil, .nil?: return nil
        case .boolean(let flag)?: return flag
        case let other?: throw HookShapeError(problem: "field '\(name)' is \(other.shapeName), expected a boolean")
        }
    }

    /// Refuses fields outside `allowed`.
    func onlyFields(_ allowed: Set<String>) throws(HookShapeError) {
        if let unknown = keys.filter({ !allowed.contains($0) }).sorted().first {
            throw HookShapeError(problem: "unknown field '\(unknown)'")
        }
    }
}
