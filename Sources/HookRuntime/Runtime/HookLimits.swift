/// The limits every hook call (and every script load) runs under.
///
/// Exceeding one raises a ``HookError`` with code ``HookError/Code/instructionBudget``,
/// ``HookError/Code/memoryLimit`` or ``HookError/Code/deadline``; the runtime stays usable.
public struct HookLimits: Sendable, Hashable {
    /// Lua VM instructions one hook call may run (default 1,000,000; charged in steps of 100, plus the
    /// work of bounded library functions at 8 steps per instruction).
    public var instructions: Int
    /// Bytes the whole Lua state (all scripts and their data) may hold while a script runs
    /// (default 32 MiB).
    public var memoryBytes: Int
    /// Wall-clock time one hook call may take (default 100 ms); a call ends within twice this
    /// whatever it does, including inside library C functions.
    public var deadline: Duration
    /// Lua VM instructions one script's top-level chunk may run while loading (default 1,000,000).
    public var loadInstructions: Int
    /// Wall-clock time one script's top-level chunk may take while loading (default 500 ms).
    public var loadDeadline: Duration

    /// Creates limits; every parameter has the documented default.
    public init(
        instructions: Int = 1_000_000,
        memoryBytes: Int = 32 << 20,
        deadline: Duration = .milliseconds(100),
        loadInstructions: Int = 1_000_000,
        loadDeadline: Duration = .milliseconds(500)
    ) {
        self.instructions = instructions
        self.memoryBytes = memoryBytes
        self.deadline = deadline
        self.loadInstructions = loadInstructions
        self.loadDeadline = loadDeadline
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
