/// What `ferry hooks check` found: the registry, every sample run, and every error.
public struct HookCheckReport: Sendable {
    /// One hook run on one sample input.
    public struct Run: Sendable {
        /// The hook that ran.
        public var hook: HookName
        /// The input, described in one line.
        public var input: String
        /// The result described in one line, or the error.
        public var outcome: Result<String, HookError>
    }

    /// The scripts found and the hooks each defines (`nil` when loading failed).
    public var registry: HookRegistry?
    /// Problems that are not a hook run: unreadable scripts or samples, load errors, an empty directory.
    public var problems: [String]
    /// Every run, in the order map, health, gate.
    public var runs: [Run]

    /// Whether anything failed (the command then exits non-zero).
    public var failed: Bool {
        !problems.isEmpty || runs.contains { if case .failure = $0.outcome { true } else { false } }
    }

    /// The report as printable lines.
    public var lines: [String] {
        var lines: [String] = []
        for script in registry?.scripts ?? [] {
            let hooks = script.hooks.isEmpty ? "(no hooks)" : script.hooks.map(\.rawValue).joined(separator: ", ")
            lines.append("\(script.file): \(hooks)")
        }
        for run in runs {
            switch run.outcome {
            case .success(let text): lines.append("ok    \(run.hook.rawValue) \(run.input) -> \(text)")
            case .failure(let error): lines.append("FAIL  \(run.hook.rawValue) \(run.input) -> \(error)")
            }
        }
        lines.append(contentsOf: problems.map { "error: \($0)" })
        let failures = runs.count { if case .failure = $0.outcome { true } else { false } }
        lines.append("\(registry?.scripts.count ?? 0) scripts, \(runs.count) runs, \(failures + problems.count) errors")
        return lines
    }
}
