import Metrics

/// A runtime's swift-metrics objects (`ferry_hook_calls_total`, `ferry_hook_errors_total`,
/// `ferry_hook_duration_seconds`), labelled by hook; made once per runtime.
struct HookMetrics: Sendable {
    static let callsName = "ferry_hook_calls_total"
    static let errorsName = "ferry_hook_errors_total"
    static let durationName = "ferry_hook_duration_seconds"

    private let factory: any MetricsFactory
    private let calls: [HookName: Counter]
    private let durations: [HookName: Timer]

    init(factory: any MetricsFactory) {
        self.factory = factory
        self.calls = HookName.allCases.reduce(into: [:]) {
            $0[$1] = Counter(label: Self.callsName, dimensions: [("hook", $1.rawValue)], factory: factory)
        }
        self.durations = HookName.allCases.reduce(into: [:]) {
            $0[$1] = Timer(label: Self.durationName, dimensions: [("hook", $1.rawValue)], factory: factory)
        }
    }

    /// Runs one call of `hook`, counting it, its duration and its error.
    func measure<T>(_ hook: HookName, _ call: () throws(HookError) -> T) throws(HookError) -> T {
        let started = ContinuousClock.now
        defer {
            self.calls[hook]?.increment()
            self.durations[hook]?.record(duration: started.duration(to: .now))
        }
        do {
            return try call()
        } catch {
            // The error codes are a closed set, so the factory returns the same series after the first error.
            Counter(
                label: Self.errorsName, dimensions: [("hook", hook.rawValue), ("code", error.code.description)],
                factory: self.factory
            ).increment()
            throw error
        }
    }
}
