public import Metrics
public import MigrationEngine
public import MigrationStore

/// Imports a plan into the target: topics on the plan's master brokers, groups, ACL accounts (when
/// the target enforces ACL), and consumer offsets when asked.
///
/// Idempotent: each item is compared with what the target holds now and written only when it differs,
/// so a second run reports every item unchanged. Resumable: each outcome is journaled in its own
/// transaction under the plan's hash; a rerun after a crash or cancellation skips what is done and
/// finishes the rest. Items run concurrently, at most ``ImportOptions/concurrency`` at once; offsets
/// run after every topic and group.
public struct MetadataImporter: Sendable {
    let admin: any MetadataClusterAdmin
    let journal: ImportJournal
    let options: ImportOptions
    let metrics: ImportMetrics

    /// An importer writing through `admin` and journaling into `journal`, counting finished items by kind and
    /// outcome (`ferry_import_items_total`) in `metricsFactory` (default: swift-metrics' global factory).
    public init(
        admin: any MetadataClusterAdmin, journal: ImportJournal, options: ImportOptions = ImportOptions(),
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) {
        self.admin = admin
        self.journal = journal
        self.options = options
        self.metrics = ImportMetrics(factory: metricsFactory)
    }

    /// Runs the plan. Items the plan marks failed are reported failed; conflicts and skips import nothing.
    ///
    /// - Parameters:
    ///   - planHash: the plan file's hash, the journal's key.
    ///   - label: a label for the journal (the plan's path).
    ///   - progress: called after each item, one call at a time.
    /// - Throws: ``MetadataMigrationError`` when the target cannot be read or the journal cannot be
    ///   written (nothing is journaled for an unreadable target), `CancellationError` when cancelled
    ///   (finished items stay journaled).
    public func run(
        _ plan: MetadataPlan, planHash: String, label: String,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportResult {
        let target = try await TargetReader(admin: self.admin).read(cluster: plan.target.cluster)
        let runnable = plan.items.filter {
            [.create, .update, .unchanged].contains($0.action)
                && ($0.kind != .consumerOffsets || self.options.includeOffsets)
        }
        let planFailed = plan.items.filter { $0.action == .failed }
        let planFailures = planFailed.map {
            ImportItemResult(key: $0.key, outcome: .failed($0.reason ?? "planning failed"))
        }
        let entries: [String: JournalEntry]
        do {
            entries = try await self.journal.begin(planHash: planHash, label: label, itemKeys: runnable.map(\.key))
        } catch {
            throw MetadataMigrationError(.journalFailed, "cannot open the journal for plan \(planHash)", underlying: error)
        }
        let redactor = SecretRedactor(plan: plan, others: self.options.secrets)
        let run = ImportRun(
            admin: self.admin, journal: self.journal, planHash: planHash, target: target, entries: entries,
            redactor: redactor)
        let report = { (done: Int, result: ImportItemResult) in
            progress(ImportProgress(completed: done, total: runnable.count, item: result))
        }
        let (offsets, resources) = runnable.reduce(into: ([PlanItem](), [PlanItem]())) {
            if $1.kind == .consumerOffsets { $0.0.append($1) } else { $0.1.append($1) }
        }
        var results = try await self.perform(resources, run: run, alreadyDone: 0, report: report)
        if !offsets.isEmpty {
            let refreshed = try await TargetReader(admin: self.admin).read(cluster: plan.target.cluster)
            let offsetRun = ImportRun(
                admin: self.admin, journal: self.journal, planHash: planHash, target: refreshed, entries: entries,
                redactor: redactor)
            results += try await self.perform(offsets, run: offsetRun, alreadyDone: results.count, report: report)
        }
        for item in planFailed { self.metrics.count(item.kind, .failed("planning failed")) }
        return ImportResult(items: results + planFailures)
    }

    /// Runs items with at most `concurrency` in flight; stops starting new ones once cancelled.
    private func perform(
        _ items: [PlanItem], run: ImportRun, alreadyDone: Int, report: (Int, ImportItemResult) -> Void
    ) async throws -> [ImportItemResult] {
        try await withThrowingTaskGroup(of: ImportItemResult.self) { group in
            var pending = items[...]
            var results: [ImportItemResult] = []
            func startNext() -> Bool {
                guard !Task.isCancelled, let item = pending.popFirst() else { return false }
                group.addTask {
                    let result = try await run.apply(item)
                    self.metrics.count(item.kind, result.outcome)
                    return result
                }
                return true
            }
            for _ in 0..<self.options.concurrency where !startNext() { break }
            while let result = try await group.next() {
                results.append(result)
                report(alreadyDone + results.count, result)
                _ = startNext()
            }
            try Task.checkCancellation()
            return results
        }
    }
}
