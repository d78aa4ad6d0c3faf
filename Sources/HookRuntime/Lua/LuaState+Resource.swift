import CLua

extension LuaState {
    /// Pushes `{kind=, name=, namespace=, queues=, perm=, order=, cluster=}` directly (the `map`
    /// hook's hot path, without building a ``LuaValue`` first).
    func push(_ resource: HookResource) {
        lua_createtable(L, 0, 7)
        push(resource.kind.rawValue)
        rawSetField("kind", in: -2)
        push(resource.name)
        rawSetField("name", in: -2)
        push(resource.namespace)
        rawSetField("namespace", in: -2)
        lua_pushinteger(L, lua_Integer(resource.queues))
        rawSetField("queues", in: -2)
        lua_pushinteger(L, lua_Integer(resource.perm))
        rawSetField("perm", in: -2)
        lua_pushboolean(L, resource.order ? 1 : 0)
        rawSetField("order", in: -2)
        push(resource.cluster)
        rawSetField("cluster", in: -2)
    }
}
