public import HookRuntime

/// Maps each source topic or group to its name and settings on the target.
///
/// The resource's `name` is its full source name (`mro%order_created`), `namespace` the default
/// mapping's namespace (the part before `%`, else `default`), `queues` the larger of its read and write
/// queue counts (0 for a group). The target name is ``ResourceNaming/fullName(namespace:name:)`` of the
/// result: the hook renames by returning `name`, re-namespaces by returning `namespace`.
public protocol ResourceMapper: Sendable {
    /// The changes for one resource: an empty ``MapResult`` keeps it as it is, `nil` skips it.
    /// A thrown error fails that item only, and its description is kept in the plan.
    func map(_ resource: HookResource) async throws -> MapResult?
}

/// The default mapping: every resource kept, in the namespace before its `%`.
public struct DefaultResourceMapper: ResourceMapper {
    /// Creates the default mapper.
    public init() {}

    /// Keeps the resource unchanged.
    public func map(_ resource: HookResource) async throws -> MapResult? { MapResult() }
}

/// The mapping of a Lua hook directory: each resource goes through the scripts' `map` hooks; with no
/// `map` hook defined the resource is kept. A hook error carries the hook, file:line and Lua message.
public struct HookResourceMapper: ResourceMapper {
    private let runtime: HookRuntime

    /// Maps through `runtime`'s `map` hooks.
    public init(runtime: HookRuntime) {
        self.runtime = runtime
    }

    /// Runs the `map` hook.
    public func map(_ resource: HookResource) async throws -> MapResult? {
        try await self.runtime.map(resource)
    }
}
