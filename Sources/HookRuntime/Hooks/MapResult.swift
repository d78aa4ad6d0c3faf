/// The changes a `map` hook asks for; `nil` fields are left as they were.
///
/// In Lua the hook returns a table with any of `name`, `namespace` (strings), `queues` (integer ≥ 1),
/// `perm` (integer 0...15) and `order` (boolean). It may return the resource table it was given,
/// changed in place: its `kind` and `cluster` fields are accepted when unchanged.
public struct MapResult: Sendable, Hashable {
    /// The new name, if changed.
    public var name: String?
    /// The new namespace, if changed.
    public var namespace: String?
    /// The new queue count, if changed.
    public var queues: Int?
    /// The new permission bits, if changed.
    public var perm: Int?
    /// The new ordered flag, if changed.
    public var order: Bool?

    /// Creates a result; the default asks for no change.
    public init(name: String? = nil, namespace: String? = nil, queues: Int? = nil, perm: Int? = nil, order: Bool? = nil) {
        self.name = name
        self.namespace = namespace
        self.queues = queues
        self.perm = perm
        self.order = order
    }

    /// Whether the result asks for no change at all.
    public var isUnchanged: Bool { self == MapResult() }

    /// The resource with these changes applied.
    public func applied(to resource: HookResource) -> HookResource {
        var result = resource
        if let name { result.name = name }
        if let namespace { result.namespace = namespace }
        if let queues { result.queues = queues }
        if let perm { result.perm = perm }
        if let order { result.order = order }
        return result
    }

    /// These changes followed by `later`'s (a later hook in the chain wins per field).
    func followed(by later: MapResult) -> MapResult {
        MapResult(
            name: later.name ?? name,
            namespace: later.namespace ?? namespace,
            queues: later.queues ?? queues,
            perm: later.perm ?? perm,
            order: later.order ?? order
        )
    }
}
