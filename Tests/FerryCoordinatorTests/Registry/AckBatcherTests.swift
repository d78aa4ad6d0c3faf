@testable import FerryCoordinator
import Foundation
import MigrationStore
import Testing

@Suite struct AckBatcherTests {
    private static let at = Date(timeIntervalSince1970: 1_800_000_000)

    private static func ack(_ agent: String, _ summary: String = "ok", command: String = "c-1") -> CoordinatorOutcomeRecord {
        CoordinatorOutcomeRecord(
            commandId: command, agentId: agent, status: "succeeded", resultJSON: #"{"summary":"\#(summary)"}"#,
            updatedAt: at)
    }

    /// A store holding command `c-1` with a pending outcome for each of `agents`.
    private static func store(agents: [String]) async throws -> CoordinatorStore {
        let store = CoordinatorStore(database: try MigrationDatabase.inMemory())
        let outcomes = agents.map {
            CoordinatorOutcomeRecord(commandId: "c-1", agentId: $0, status: "pending", resultJSON: nil, updatedAt: at)
        }
        _ = try await store.createCommand(
            CoordinatorCommandRecord(id: "c-1", commandJSON: "{}", actor: "bob", createdAt: at), outcomes: outcomes,
            keepingAtMost: 10)
        return store
    }

    @Test func acksArrivingDuringACommitShareTheNextTransactions() async throws {
        let agents = (0..<200).map { "agent-\($0)" }
        let store = try await Self.store(agents: agents)
        let writes = WriteLog()
        let batcher = AckBatcher(maxBatch: 64) { records throws(MigrationStoreError) in
            await writes.began(records.count)
            return try await store.updateOutcomes(records, whereStatusIn: CoordinatorHub.unfinished)
        }
        let first = Task { try await batcher.commit(Self.ack(agents[0])) }
        #expect(try await eventually { await writes.sizes == [1] })
        let rest = Task {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for agent in agents.dropFirst() { group.addTask { try await batcher.commit(Self.ack(agent)) } }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
        }
        #expect(try await eventually { await batcher.queued == 199 })
        await writes.open()

        #expect(try await first.value)
        #expect(try await rest.value == Array(repeating: true, count: 199))
        #expect(await writes.sizes == [1, 64, 64, 64, 7])
        let saved = try #require(try store.command(id: "c-1")).outcomes
        #expect(saved.count == 200)
        #expect(saved.allSatisfy { $0.status == "succeeded" })
    }

    @Test func aRepeatedAckInTheSameBatchOrLaterIsNotWrittenAgain() async throws {
        let store = try await Self.store(agents: ["a", "x"])
        let writes = WriteLog()
        let batcher = AckBatcher { records throws(MigrationStoreError) in
            await writes.began(records.count)
            return try await store.updateOutcomes(records, whereStatusIn: CoordinatorHub.unfinished)
        }
        let blocking = Task { try await batcher.commit(Self.ack("x")) }
        #expect(try await eventually { await writes.sizes == [1] })
        let firstAck = Task { try await batcher.commit(Self.ack("a", "first")) }
        #expect(try await eventually { await batcher.queued == 1 })
        let secondAck = Task { try await batcher.commit(Self.ack("a", "second")) }
        #expect(try await eventually { await batcher.queued == 2 })
        await writes.open()

        #expect(try await blocking.value)
        #expect(try await firstAck.value)
        #expect(try await secondAck.value == false)
        #expect(try await batcher.commit(Self.ack("a", "late")) == false)
        #expect(await writes.sizes == [1, 2, 1])
        let saved = try #require(try store.command(id: "c-1")).outcomes
        #expect(saved.first { $0.agentId == "a" }?.resultJSON == #"{"summary":"first"}"#)
    }

    @Test func aFailedCommitIsThrownToEveryAckOfItsBatchAndLaterAcksStillCommit() async throws {
        let store = try await Self.store(agents: ["a", "b", "c", "d"])
        let writes = WriteLog()
        let batcher = AckBatcher { records throws(MigrationStoreError) in
            let call = await writes.began(records.count)
            guard call > 2 else { throw MigrationStoreError(.writeFailed, "disk full") }
            return try await store.updateOutcomes(records, whereStatusIn: CoordinatorHub.unfinished)
        }
        let first = Task { try await batcher.commit(Self.ack("a")) }
        #expect(try await eventually { await writes.sizes == [1] })
        let second = Task { try await batcher.commit(Self.ack("b")) }
        let third = Task { try await batcher.commit(Self.ack("c")) }
        #expect(try await eventually { await batcher.queued == 2 })
        await writes.open()

        for task in [first, second, third] {
            await #expect(throws: MigrationStoreError.self) { try await task.value }
        }
        #expect(try await batcher.commit(Self.ack("d")))
        #expect(await writes.sizes == [1, 2, 1])
        let saved = try #require(try store.command(id: "c-1")).outcomes
        #expect(saved.map(\.status) == ["pending", "pending", "pending", "succeeded"])
    }
}

/// The batch sizes an ``AckBatcher`` wrote, in order; the first write waits until ``open()``.
private actor WriteLog {
    private(set) var sizes: [Int] = []
    private var isOpen = false

    /// Notes a write of `count` records, holding the first one until ``open()``; returns the write's number (1-based).
    @discardableResult
    func began(_ count: Int) async -> Int {
        self.sizes.append(count)
        let call = self.sizes.count
        while call == 1 && !self.isOpen { try? await Task.sleep(for: .milliseconds(5)) }
        return call
    }

    func open() {
        self.isOpen = true
    }
}
