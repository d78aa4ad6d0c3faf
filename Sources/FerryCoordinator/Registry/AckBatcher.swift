import MigrationStore

/// Commits agents' acks in groups: acks that arrive while a commit is running are committed together in the
/// next transaction (at most ``maxBatch`` to one), so 5,000 agents acking at once cost a handful of
/// transactions, not 5,000.
///
/// ``commit(_:)`` returns only once its ack's transaction is committed (or failed), so whatever the caller
/// reports after it is on disk. Each caller waits for its own ack, which bounds the queue by the number of
/// connections (an agent's next line is read after its ack is committed) and keeps one agent's acks in order.
actor AckBatcher {
    /// Writes one batch in one transaction and returns the records it wrote, in the order given (a record whose
    /// outcome is already finished is left out).
    typealias Write = @Sendable ([CoordinatorOutcomeRecord]) async throws(MigrationStoreError) -> [CoordinatorOutcomeRecord]

    private struct Waiting {
        let record: CoordinatorOutcomeRecord
        let continuation: CheckedContinuation<Result<Bool, MigrationStoreError>, Never>
    }

    /// The most acks committed in one transaction.
    let maxBatch: Int
    private let write: Write
    private var waiting: [Waiting] = []
    private var flushing = false

    init(maxBatch: Int = 512, write: @escaping Write) {
        self.maxBatch = max(maxBatch, 1)
        self.write = write
    }

    /// Acks waiting for the next transaction (not counting those being committed).
    var queued: Int { self.waiting.count }

    /// Commits `record` with the acks around it; true when it was written, false when its outcome was already
    /// finished (a repeated or late ack). Throws when its transaction failed: nothing of that batch was written.
    func commit(_ record: CoordinatorOutcomeRecord) async throws(MigrationStoreError) -> Bool {
        let result = await withCheckedContinuation { continuation in
            self.waiting.append(Waiting(record: record, continuation: continuation))
            if !self.flushing {
                self.flushing = true
                Task { await self.flush() }
            }
        }
        return try result.get()
    }

    /// Commits the queue batch by batch until it is empty; acks queued meanwhile join the next batch.
    private func flush() async {
        while !self.waiting.isEmpty {
            let batch = Array(self.waiting.prefix(self.maxBatch))
            self.waiting.removeFirst(batch.count)
            let records = batch.map(\.record)
            do {
                let written = try await self.write(records)
                for (entry, wasWritten) in zip(batch, Self.marks(records, written: written)) {
                    entry.continuation.resume(returning: .success(wasWritten))
                }
            } catch {
                for entry in batch { entry.continuation.resume(returning: .failure(error)) }
            }
        }
        self.flushing = false
    }

    /// Which of `records` were written: `written` is a subsequence of `records`, so it is matched in order (of two
    /// equal acks, the first is the one written).
    private static func marks(_ records: [CoordinatorOutcomeRecord], written: [CoordinatorOutcomeRecord]) -> [Bool] {
        var next = written.startIndex
        return records.map { record in
            guard next < written.endIndex, written[next] == record else { return false }
            next += 1
            return true
        }
    }
}
