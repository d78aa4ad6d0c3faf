/// Which script file defines which hook, in load order (file names sorted).
public struct HookRegistry: Sendable, Hashable {
    /// One loaded script and the hooks it defines.
    public struct Script: Sendable, Hashable {
        /// The script's file name, e.g. `namespace_by_prefix.lua`.
        public var file: String
        /// The hooks it defines, in the order map, health, gate.
        public var hooks: [HookName]

        /// Creates an entry.
        public init(file: String, hooks: [HookName]) {
            self.file = file
            self.hooks = hooks
        }
    }

    /// Every loaded script, in load order, including scripts that define no hook.
    public var scripts: [Script]

    /// Creates a registry.
    public init(scripts: [Script]) {
        self.scripts = scripts
    }

    /// The files that define `hook`, in the order their hooks run.
    public func files(defining hook: HookName) -> [String] {
        scripts.filter { $0.hooks.contains(hook) }.map(\.file)
    }

    /// Whether any script defines `hook`.
    public func definesHook(_ hook: HookName) -> Bool {
        scripts.contains { $0.hooks.contains(hook) }
    }
}
