extension MapResult {
    /// What a `map` hook must return (for error messages).
    static let expectedShape =
        "nil to skip, or a table with any of name, namespace (strings), queues (integer >= 1), perm (integer 0-15), order (boolean)"

    /// Reads a `map` hook's return value: `nil` means skip.
    static func decode(_ value: LuaValue, input: HookResource) throws(HookShapeError) -> MapResult? {
        if value == .nil { return nil }
        let fields = try value.fields(of: "map")
        try fields.onlyFields(["name", "namespace", "queues", "perm", "order", "kind", "cluster"])
        if let kind = try fields.string("kind"), kind != input.kind.rawValue {
            throw HookShapeError(problem: "field 'kind' cannot change (\(input.kind.rawValue) → \(kind))")
        }
        if let cluster = try fields.string("cluster"), cluster != input.cluster {
            throw HookShapeError(problem: "field 'cluster' cannot change (\(input.cluster) → \(cluster))")
        }
        let result = MapResult(
            name: try fields.string("name"),
            namespace: try fields.string("namespace"),
            queues: try fields.integer("queues"),
            perm: try fields.integer("perm"),
            order: try fields.boolean("order")
        )
        if let name = result.name, name.isEmpty { throw HookShapeError(problem: "field 'name' is empty") }
        if let queues = result.queues, queues < 1 { throw HookShapeError(problem: "field 'queues' is \(queues)") }
        if let perm = result.perm, !(0...15).contains(perm) { throw HookShapeError(problem: "field 'perm' is \(perm)") }
        return result
    }
}
