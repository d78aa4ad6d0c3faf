/// A value that one caller at a time may change, as an actor: a caller that has to wait suspends instead of
/// blocking its thread, so a slow request on one sandbox server never takes a thread of the cooperative pool
/// away from the others (two clusters share one process and, on a small machine, a two-thread pool).
///
/// The work done inside ``run(_:)`` must still be bounded: it runs on the pool, and other callers of the same
/// value wait for it. The sandbox bounds it with ``SandboxLimits``, the ext-field cap and the frame cap.
actor SerialState<Value: Sendable> {
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value and returns its result.
    func run<Result: Sendable>(_ body: @Sendable (inout Value) -> Result) -> Result {
        body(&self.value)
    }
}
