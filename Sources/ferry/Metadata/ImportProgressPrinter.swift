import MetadataMigration
import MigrationEngine
import Synchronization

/// Shows an import's progress: a redrawn bar on a terminal, one plain line per item otherwise.
final class ImportProgressPrinter: Sendable {
    private let terminal: Bool
    /// Prints no progress (`--json`: standard output carries only the result).
    private let quiet: Bool
    private let drawn = Mutex(false)

    init(terminal: Bool, quiet: Bool = false) {
        self.terminal = terminal
        self.quiet = quiet
    }

    func report(_ progress: ImportProgress) {
        if self.quiet { return }
        guard self.terminal else {
            print("[\(progress.completed)/\(progress.total)] \(progress.item.key) \(Self.describe(progress.item.outcome))")
            return
        }
        let width = 30
        let filled = progress.total == 0 ? width : width * progress.completed / progress.total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        print("\r\u{1B}[2K[\(bar)] \(progress.completed)/\(progress.total) \(progress.item.key)", terminator: "")
        self.drawn.withLock { $0 = true }
    }

    /// Ends the bar's line.
    func finish() {
        if self.drawn.withLock({ $0 }) { print("") }
    }

    /// The result: failures one per line, then counts and the task status.
    func summarize(_ result: ImportResult, plan: MetadataPlan) {
        for item in result.items {
            if case .failed(let reason) = item.outcome { print("failed  \(item.key): \(reason)") }
        }
        let counts = result.counts
        let notImported = plan.items.filter { $0.action == .conflict || $0.action == .skip }.count
        print(
            "created \(counts["created"] ?? 0), updated \(counts["updated"] ?? 0), "
                + "unchanged \(counts["unchanged"] ?? 0), failed \(counts["failed"] ?? 0); "
                + "\(notImported) conflicting or skipped items not imported")
        print("Status: \(result.status.rawValue)")
    }

    private static func describe(_ outcome: ImportItemResult.Outcome) -> String {
        if case .failed(let reason) = outcome { return "failed: \(reason)" }
        return outcome.word
    }
}
