extension HealthVerdict {
    /// What a `health` hook must return (for error messages).
    static let expectedShape =
        "a table {ok=boolean, reason=string?, checks=list of {name=string, ok=boolean, reason=string?} or map name -> boolean|{ok, reason}?}"

    /// Reads a `health` hook's return value.
    static func decode(_ value: LuaValue) throws(HookShapeError) -> HealthVerdict {
        let fields = try value.fields(of: "health")
        try fields.onlyFields(["ok", "reason", "checks"])
        guard let ok = try fields.boolean("ok") else { throw HookShapeError(problem: "field 'ok' is missing") }
        return HealthVerdict(ok: ok, reason: try fields.string("reason") ?? "", checks: try checks(fields["checks"] ?? .nil))
    }

    private static func checks(_ value: LuaValue) throws(HookShapeError) -> [HealthCheck] {
        switch value {
        case .nil:
            return []
        case .array(let list):
            var checks: [HealthCheck] = []
            for (offset, entry) in list.enumerated() {
                guard case .table = entry else {
                    throw HookShapeError(problem: "checks[\(offset + 1)] is \(entry.shapeName), expected a table")
                }
                let fields = try entry.fields(of: "checks[\(offset + 1)]")
                guard let name = try fields.string("name") else {
                    throw HookShapeError(problem: "checks[\(offset + 1)] has no 'name'")
                }
                checks.append(try check(named: name, fields))
            }
            return checks
        case .table(let map):
            var checks: [HealthCheck] = []
            for (key, entry) in map {
                guard case .string(let name) = key else {
                    throw HookShapeError(problem: "checks has a key that is \(key.shapeName), expected check names")
                }
                if case .boolean(let ok) = entry {
                    checks.append(HealthCheck(name: name, ok: ok))
                } else {
                    checks.append(try check(named: name, try entry.fields(of: "checks.\(name)")))
                }
            }
            return checks.sorted { $0.name < $1.name }
        default:
            throw HookShapeError(problem: "field 'checks' is \(value.shapeName), expected a table")
        }
    }

    private static func check(named name: String, _ fields: [String: LuaValue]) throws(HookShapeError) -> HealthCheck {
        do throws(HookShapeError) {
            try fields.onlyFields(["name", "ok", "reason"])
            guard let ok = try fields.boolean("ok") else { throw HookShapeError(problem: "field 'ok' is missing") }
            return HealthCheck(name: name, ok: ok, reason: try fields.string("reason") ?? "")
        } catch {
            throw HookShapeError(problem: "check '\(name)': \(error.problem)")
        }
    }
}
