public import Logging

/// The logic of `ferry hooks check`: load a script directory, list its hooks, run every defined
/// hook on sample inputs and collect the results.
public enum HookCheck {
    /// Checks the scripts at `path`.
    /// - Parameters:
    ///   - path: a script directory or file.
    ///   - samplesPath: a JSON samples file (see ``HookSamples``); `nil` uses ``HookSamples/builtIn``.
    ///   - limits: the limits to run under (default: the runtime's defaults).
    ///   - logger: receives the scripts' `print` output.
    /// - Returns: the report; ``HookCheckReport/failed`` is true on any load error, hook error or
    ///   wrong shape, or when the path holds no script.
    public static func run(
        path: String,
        samplesPath: String? = nil,
        limits: HookLimits = HookLimits(),
        logger: Logger
    ) async -> HookCheckReport {
        var report = HookCheckReport(registry: nil, problems: [], runs: [])
        let samples: HookSamples
        do {
            samples = try samplesPath.map { try HookSamples.load(from: $0) } ?? .builtIn
        } catch {
            report.problems.append("cannot read samples \(samplesPath ?? ""): \(error)")
            return report
        }
        let runtime: HookRuntime
        do {
            runtime = try HookRuntime(path: path, limits: limits, logger: logger)
        } catch {
            report.problems.append("\(error)")
            return report
        }
        let registry = await runtime.registry
        report.registry = registry
        if registry.scripts.isEmpty { report.problems.append("no *.lua scripts in \(path)") }
        if registry.definesHook(.map) {
            for resource in samples.map {
                let outcome = await outcome { () async throws(HookError) in describe(try await runtime.map(resource)) }
                report.runs.append(.init(hook: .map, input: describe(resource), outcome: outcome))
            }
        }
        if registry.definesHook(.health) {
            for context in samples.health {
                let outcome = await outcome { () async throws(HookError) in describe(try await runtime.health(context)) }
                report.runs.append(.init(hook: .health, input: describe(context), outcome: outcome))
            }
        }
        if registry.definesHook(.gate) {
            for context in samples.gate {
                let outcome = await outcome { () async throws(HookError) in describe(try await runtime.gate(context)) }
                report.runs.append(.init(hook: .gate, input: describe(context), outcome: outcome))
            }
        }
        return report
    }

    private static func outcome(_ body: () async throws(HookError) -> String) async -> Result<String, HookError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    private static func describe(_ resource: HookResource) -> String {
        "\(resource.kind.rawValue) \(resource.name) (namespace \(resource.namespace), \(resource.queues) queues\(resource.order ? ", ordered" : ""))"
    }

    private static func describe(_ result: MapResult?) -> String {
        guard let result else { return "skipped" }
        var changes: [String] = []
        if let name = result.name { changes.append("name=\(name)") }
        if let namespace = result.namespace { changes.append("namespace=\(namespace)") }
        if let queues = result.queues { changes.append("queues=\(queues)") }
        if let perm = result.perm { changes.append("perm=\(perm)") }
        if let order = result.order { changes.append("order=\(order)") }
        return changes.isEmpty ? "unchanged" : changes.joined(separator: " ")
    }

    private static func describe(_ context: HealthContext) -> String {
        "topic \(context.topic) stage \(context.stage)->\(context.nextStage)"
    }

    private static func describe(_ verdict: HealthVerdict) -> String {
        let checks = verdict.checks.map { "\($0.name)=\($0.ok ? "ok" : "fail")" }.joined(separator: " ")
        return "\(verdict.ok ? "ok" : "not ok"): \(verdict.reason)\(checks.isEmpty ? "" : " [\(checks)]")"
    }

    private static func describe(_ context: GateContext) -> String {
        "topic \(context.topic) stage \(context.stage)->\(context.nextStage) at \(context.time)"
    }

    private static func describe(_ decision: GateDecision) -> String {
        decision.allow ? "allow: \(decision.reason)" : "refuse: \(decision.reason) (\(decision.refusedBy ?? "?"))"
    }
}
