/// What happened to one plan item during an import.
public struct ImportItemResult: Sendable, Codable, Hashable {
    /// The outcome.
    public enum Outcome: Sendable, Codable, Hashable {
        /// It was absent and is now on the target.
        case created
        /// It was present (on some brokers, or with other settings) and was written.
        case updated
        /// The target already had it as planned: nothing was written.
        case unchanged
        /// Writing it failed; the broker's reason.
        case failed(String)

        /// `created`, `updated`, `unchanged` or `failed`.
        public var word: String {
            switch self {
            case .created: "created"
            case .updated: "updated"
            case .unchanged: "unchanged"
            case .failed: "failed"
            }
        }
    }

    /// The plan item's key (`topic:NAME`).
    public var key: String
    /// The outcome.
    public var outcome: Outcome

    /// Creates a result.
    public init(key: String, outcome: Outcome) {
        self.key = key
        self.outcome = outcome
    }
}

/// The status of a whole import task, which the `ferry metadata import` exit code reflects.
public enum ImportTaskStatus: String, Sendable, Codable, Hashable {
    /// Every attempted item was created, updated or unchanged (exit code 0).
    case succeeded = "Succeeded"
    /// Some items failed (exit code 1).
    case someFailed = "Some failed"
    /// Every attempted item failed (exit code 2).
    case allFailed = "All failed"

    /// The process exit code: 0, 1 or 2.
    public var exitCode: Int32 {
        switch self {
        case .succeeded: 0
        case .someFailed: 1
        case .allFailed: 2
        }
    }
}

/// The per-item results of an import and its task status.
public struct ImportResult: Sendable, Codable, Hashable {
    /// One result per attempted item, sorted by key.
    public var items: [ImportItemResult]

    /// Creates a result; items are sorted by key.
    public init(items: [ImportItemResult]) {
        self.items = items.sorted { $0.key < $1.key }
    }

    /// Succeeded when nothing failed, All failed when every item failed, else Some failed.
    public var status: ImportTaskStatus {
        let failed = self.items.filter { if case .failed = $0.outcome { true } else { false } }.count
        if failed == 0 { return .succeeded }
        return failed == self.items.count ? .allFailed : .someFailed
    }

    /// How many items had each outcome word.
    public var counts: [String: Int] {
        self.items.reduce(into: [:]) { $0[$1.outcome.word, default: 0] += 1 }
    }
}
