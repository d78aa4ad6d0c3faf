public import Logging
public import Metrics

/// The sandboxed Lua hook runtime: loads a directory of hook scripts (or one file) and runs the
/// typed hooks `map`, `health` and `gate`.
///
/// Each `*.lua` file in the directory (sorted by file name) may define any of the global functions
/// `map`, `health` and `gate`. When several files define the same hook they chain in file order:
/// - `map`: each script gets the resource as changed by the scripts before it; any `nil` skips the
///   resource; the result merges every script's changes (a later script wins per field).
/// - `health`: every script runs; the verdict is ok only if all are ok; checks are concatenated.
/// - `gate`: the stage may advance only if every gate allows; the first refusal stops the chain.
///
/// With no script defining a hook, ``map(_:)`` returns an empty ``MapResult`` (the resource
/// unchanged), ``health(_:)`` returns ``HealthVerdict/noPolicy`` (ok) and ``gate(_:)`` returns
/// ``GateDecision/noGate`` (allowed).
///
/// A Lua state is not thread-safe, so the runtime is an actor that owns its one state; calls are
/// short (bounded by ``HookLimits``) and run on the actor one at a time.
public actor HookRuntime {
    /// The script directory or file this runtime loads (and ``reload()`` re-reads).
    public nonisolated let path: String
    /// The limits every call runs under; `nil` for an unlimited runtime.
    public nonisolated let limits: HookLimits?
    private let logger: Logger
    private let metrics: HookMetrics
    private var scripts: HookScriptSet

    /// Loads the scripts at `path`.
    /// - Parameters:
    ///   - path: a directory (every `*.lua` file directly inside it, by file name) or one `.lua` file.
    ///   - limits: per-call and load-time limits (default ``HookLimits/init(instructions:memoryBytes:deadline:loadInstructions:loadDeadline:)``).
    ///     `nil` runs scripts with no limit at all — for measurements and trusted scripts only.
    ///   - logger: receives `print` output from scripts (at `.info`, with metadata `hook.script`).
    ///   - metricsFactory: where calls, errors and durations per hook go (`ferry_hook_*`); default
    ///     swift-metrics' global factory. Calls of a hook no script defines are not counted.
    /// - Throws: ``HookError`` when a script cannot be read, compiled or run at load time.
    public init(
        path: String, limits: HookLimits? = HookLimits(), logger: Logger,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws(HookError) {
        self.path = path
        self.limits = limits
        self.logger = logger
        self.metrics = HookMetrics(factory: metricsFactory)
        self.scripts = try HookScriptSet(scripts: HookScript.load(from: path), limits: limits, logger: logger)
    }

    /// Which file defines which hook.
    public var registry: HookRegistry { scripts.registry }

    /// Whether any loaded script defines `hook`.
    public func definesHook(_ hook: HookName) -> Bool {
        scripts.registry.definesHook(hook)
    }

    /// Re-reads ``path`` into a complete new script set and swaps it in atomically.
    ///
    /// - Returns: the new registry.
    /// - Throws: ``HookError`` when the new set fails to load; the previous scripts stay in service.
    @discardableResult
    public func reload() throws(HookError) -> HookRegistry {
        let fresh = try HookScriptSet(scripts: HookScript.load(from: path), limits: limits, logger: logger)
        scripts = fresh
        logger.info("hook scripts reloaded", metadata: ["hook.path": "\(path)", "hook.scripts": "\(fresh.registry.scripts.count)"])
        return fresh.registry
    }

    /// Runs the `map` hooks on a topic or group.
    ///
    /// - Returns: the changes to apply (empty when no script defines `map` or none changes anything),
    ///   or `nil` when a script skips the resource.
    /// - Throws: ``HookError`` on a script error, a limit, or a wrong return shape.
    public func map(_ resource: HookResource) throws(HookError) -> MapResult? {
        try self.measured(.map) { () throws(HookError) in try scripts.map(resource) }
    }

    /// Runs the `map` hooks on many resources in one actor call (what a planner mapping a whole
    /// cluster's metadata uses: one hop instead of one per resource).
    ///
    /// - Returns: one result per resource, in order: the changes, `nil` for a skip, or the error.
    public func map(_ resources: [HookResource]) -> [Result<MapResult?, HookError>] {
        resources.map { resource in
            do throws(HookError) {
                return .success(try self.measured(.map) { () throws(HookError) in try scripts.map(resource) })
            } catch {
                return .failure(error)
            }
        }
    }

    /// Runs the `health` hooks for a proposed stage change.
    ///
    /// - Returns: the ANDed verdict, or ``HealthVerdict/noPolicy`` when no script defines `health`.
    /// - Throws: ``HookError`` on a script error, a limit, or a wrong return shape.
    public func health(_ context: HealthContext) throws(HookError) -> HealthVerdict {
        try self.measured(.health) { () throws(HookError) in try scripts.health(context) }
    }

    /// Runs the `gate` hooks for a proposed stage change.
    ///
    /// - Returns: the first refusal, or an allowing decision (``GateDecision/noGate`` when no script
    ///   defines `gate`).
    /// - Throws: ``HookError`` on a script error, a limit, or a wrong return shape.
    public func gate(_ context: GateContext) throws(HookError) -> GateDecision {
        try self.measured(.gate) { () throws(HookError) in try scripts.gate(context) }
    }

    /// Runs `call`, counted in the hook metrics when a script defines `hook`.
    private func measured<T>(_ hook: HookName, _ call: () throws(HookError) -> T) throws(HookError) -> T {
        guard scripts.registry.definesHook(hook) else { return try call() }
        return try self.metrics.measure(hook, call)
    }
}
