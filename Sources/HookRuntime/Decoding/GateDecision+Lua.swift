extension GateDecision {
    /// What a `gate` hook must return (for error messages).
    static let expectedShape = "a table {allow=boolean, reason=string?}"

    /// Reads a `gate` hook's return value.
    static func decode(_ value: LuaValue) throws(HookShapeError) -> GateDecision {
        let fields = try value.fields(of: "gate")
        try fields.onlyFields(["allow", "reason"])
        guard let allow = try fields.boolean("allow") else { throw HookShapeError(problem: "field 'allow' is missing") }
        return GateDecision(allow: allow, reason: try fields.string("reason") ?? "")
    }
}
