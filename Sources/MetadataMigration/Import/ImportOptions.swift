public import MigrationEngine

/// How `ferry metadata import` runs.
public struct ImportOptions: Sendable, Hashable {
    /// Items written at once (default 8).
    public var concurrency: Int
    /// Whether consumer offsets are written (default false). Right only when the target's queues map
    /// 1:1 to the source's (same master count, same queue counts) and no consumer of those groups runs
    /// on the target yet; otherwise leave it off and let consumers carry on from the source's progress
    /// through dual reading.
    public var includeOffsets: Bool
    /// Secrets besides the plan's account keys that must never appear in a failure reason (the secret
    /// key the requests are signed with). Default none.
    public var secrets: [String]

    /// Options; the defaults are 8 in flight, no offsets and no extra secrets.
    public init(concurrency: Int = 8, includeOffsets: Bool = false, secrets: [String] = []) {
        self.concurrency = max(1, concurrency)
        self.includeOffsets = includeOffsets
        self.secrets = secrets
    }
}

/// One step of an import's progress, reported after each item.
public struct ImportProgress: Sendable {
    /// Items finished so far (this one included).
    public var completed: Int
    /// Items this run attempts.
    public var total: Int
    /// The item just finished.
    public var item: ImportItemResult
}
