import CLua
import CLuaSandbox
import Logging

/// One complete, loaded set of hook scripts in one Lua state: what ``HookRuntime`` swaps on reload.
///
/// Hooks defined by several files chain in file order: `map` feeds each script's result to the next
/// (any `nil` skips), `health` ANDs the verdicts, `gate` allows only if every gate allows (the first
/// refusal stops the chain).
final class HookScriptSet {
    /// A hook function kept in the Lua registry, with the file that defines it.
    private struct Link {
        var file: String
        var reference: Int32
    }

    let registry: HookRegistry
    private let state: LuaState
    private let limits: HookLimits?
    private let mapChain: [Link]
    private let healthChain: [Link]
    private let gateChain: [Link]

    /// Loads `scripts` in order into a fresh sandboxed state.
    init(scripts: [HookScript], limits: HookLimits?, logger: Logger) throws(HookError) {
        let state = try LuaState(limits: limits, host: LuaHostBridge(logger: logger))
        self.state = state
        self.limits = limits
        let factory = try Self.loadPrelude(into: state)
        var chains: [HookName: [Link]] = [:]
        var entries: [HookRegistry.Script] = []
        for script in scripts {
            let defined = try Self.load(script, into: state, factory: factory, limits: limits)
            for (hook, reference) in defined {
                chains[hook, default: []].append(Link(file: script.file, reference: reference))
            }
            entries.append(HookRegistry.Script(file: script.file, hooks: HookName.allCases.filter { defined[$0] != nil }))
        }
        self.mapChain = chains[.map] ?? []
        self.healthChain = chains[.health] ?? []
        self.gateChain = chains[.gate] ?? []
        self.registry = HookRegistry(scripts: entries)
    }

    // MARK: Calls

    /// Runs the `map` chain; see ``HookRuntime/map(_:)``.
    func map(_ resource: HookResource) throws(HookError) -> MapResult? {
        var current = resource
        var merged = MapResult()
        for link in mapChain {
            state.pushReference(link.reference)
            state.push(current)
            let input = current
            let result = try call(link, .map, expected: MapResult.expectedShape) { () throws(HookShapeError) in
                try state.mapResult(at: -1, input: input)
            }
            guard let result else { return nil }
            merged = merged.followed(by: result)
            current = result.applied(to: current)
        }
        return merged
    }

    /// Runs the `health` chain; see ``HookRuntime/health(_:)``.
    func health(_ context: HealthContext) throws(HookError) -> HealthVerdict {
        guard !healthChain.isEmpty else { return .noPolicy }
        var verdict: HealthVerdict?
        let argument = context.luaValue
        for link in healthChain {
            pushCall(link, argument: argument)
            let next = try call(link, .health, expected: HealthVerdict.expectedShape) { () throws(HookShapeError) in
                try HealthVerdict.decode(try readResult(depth: 3, verdict: "ok", fields: ["reason", "checks"]))
            }
            verdict = verdict.map { $0.and(next) } ?? next
        }
        return verdict ?? .noPolicy
    }

    /// Runs the `gate` chain; see ``HookRuntime/gate(_:)``.
    func gate(_ context: GateContext) throws(HookError) -> GateDecision {
        guard !gateChain.isEmpty else { return .noGate }
        var reasons: [String] = []
        let argument = context.luaValue
        for link in gateChain {
            pushCall(link, argument: argument)
            var decision = try call(link, .gate, expected: GateDecision.expectedShape) { () throws(HookShapeError) in
                try GateDecision.decode(try readResult(depth: 1, verdict: "allow", fields: ["reason"]))
            }
            guard decision.allow else {
                decision.refusedBy = link.file
                return decision
            }
            if !decision.reason.isEmpty { reasons.append(decision.reason) }
        }
        return GateDecision(allow: true, reason: reasons.joined(separator: "; "))
    }

    /// Calls the function and argument on the stack under the call limits, then decodes the one
    /// result with `decode` while it is still on the stack.
    private func call<Decoded>(
        _ link: Link,
        _ hook: HookName,
        expected: String,
        decode: () throws(HookShapeError) -> Decoded
    ) throws(HookError) -> Decoded {
        defer { state.clearStack() }
        do {
            try state.call(
                arguments: 1,
                results: 1,
                instructions: Int64(limits?.instructions ?? 0),
                deadlineNanoseconds: limits?.deadline.nanoseconds ?? 0
            )
        } catch {
            if error.status == LUA_ERRMEM {
                state.collectGarbage(
                    instructions: Int64(limits?.instructions ?? 0),
                    deadlineNanoseconds: limits?.deadline.nanoseconds ?? 0
                )
            }
            throw Self.hookError(error, hook: hook, file: link.file)
        }
        do {
            return try decode()
        } catch {
            throw HookError(code: .wrongShape, message: "\(error.problem); expected \(expected)", hook: hook, file: link.file)
        }
    }

    /// Pushes `argument | hook | argument`: the copy below the call lets ``readResult(depth:verdict:fields:)``
    /// recognise a hook that returns its input.
    private func pushCall(_ link: Link, argument: LuaValue) {
        state.push(argument)
        state.pushReference(link.reference)
        lua_pushvalue(state.L, -2)
    }

    /// The `health`/`gate` result on top of the stack (its argument below it) as a ``LuaValue``,
    /// read within ``LuaReadBudget/result`` and `depth` tables (the deepest the expected shape has).
    ///
    /// A hook that returns the context it was given is the identity hook: only its `verdict` and
    /// `fields` entries count, and a missing `verdict` is `true` — the same as defining no hook.
    private func readResult(depth: Int, verdict: String, fields: [String]) throws(HookShapeError) -> LuaValue {
        var budget = LuaReadBudget.result
        budget.depth = depth
        do {
            guard lua_rawequal(state.L, -1, -2) != 0 else { return try state.value(at: -1, budget: budget) }
            var entries: [String: LuaValue] = [verdict: true]
            budget.depth = depth - 1
            for name in [verdict] + fields {
                state.push(name)
                lua_rawget(state.L, -2)
                defer { lua_settop(state.L, -2) }
                let value = try state.value(at: -1, budget: budget)
                if value != .nil { entries[name] = value }
            }
            return .fields(entries)
        } catch {
            throw HookShapeError(problem: error.description(root: "result"))
        }
    }
}

@available(*, unavailable)
extension HookScriptSet: Sendable {}
