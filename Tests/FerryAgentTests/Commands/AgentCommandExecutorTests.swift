import ControlProtocol
import FerryAgent
import Foundation
import Logging
import MigrationStore
import Synchronization
import Testing

@Suite struct AgentCommandExecutorTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let advance = AgentCommand(action: .migrateAdvance, task: "t", topics: ["Orders"])

    /// Counts runs; each run answers with its run number.
    final class Runs: Sendable {
        let count = Atomic<Int>(0)
        let delay: Duration

        init(delay: Duration = .zero) { self.delay = delay }

        func perform(_ command: AgentCommand) async -> CommandResult {
            let run = self.count.add(1, ordering: .sequentiallyConsistent).newValue
            try? await Task.sleep(for: self.delay)
            return CommandResult(ok: true, summary: "run \(run) of \(command.action.rawValue)")
        }
    }

    func executor(_ store: AgentCommandStore, _ runs: Runs) -> AgentCommandExecutor {
        AgentCommandExecutor(store: store, logger: Self.logger) { await runs.perform($0) }
    }

    @Test func theSameIdAgainReturnsTheRecordedResultWithoutASecondRun() async throws {
        let database = try MigrationDatabase.inMemory()
        let runs = Runs()
        let executor = self.executor(AgentCommandStore(database: database), runs)
        let first = await executor.execute(id: "c-1", command: Self.advance)
        let again = await executor.execute(id: "c-1", command: Self.advance)
        #expect(first == .ack(CommandResult(ok: true, summary: "run 1 of migrate.advance")))
        #expect(again == first)
        #expect(runs.count.load(ordering: .sequentiallyConsistent) == 1)
        // A new executor on the same database (an agent restart) answers from the record too.
        let restarted = self.executor(AgentCommandStore(database: database), runs)
        #expect(await restarted.execute(id: "c-1", command: Self.advance) == first)
        #expect(runs.count.load(ordering: .sequentiallyConsistent) == 1)
    }

    @Test func aDifferentCommandUnderAUsedIdIsRefusedWith409() async throws {
        let runs = Runs()
        let executor = self.executor(AgentCommandStore(database: try MigrationDatabase.inMemory()), runs)
        _ = await executor.execute(id: "c-1", command: Self.advance)
        let reply = await executor.execute(id: "c-1", command: AgentCommand(action: .migrateRollback, task: "t", all: true))
        guard case .error(let body) = reply else {
            Issue.record("expected ERR, got \(reply)")
            return
        }
        #expect(body.code == ControlErrorCode.conflict.rawValue)
        #expect(runs.count.load(ordering: .sequentiallyConsistent) == 1)
    }

    @Test func duplicatesArrivingWhileTheCommandRunsJoinTheOneRun() async throws {
        let runs = Runs(delay: .milliseconds(300))
        let executor = self.executor(AgentCommandStore(database: try MigrationDatabase.inMemory()), runs)
        let replies = await withTaskGroup(of: AgentCommandExecutor.Reply.self) { group in
            for _ in 0..<5 { group.addTask { await executor.execute(id: "c-1", command: Self.advance) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.count.load(ordering: .sequentiallyConsistent) == 1)
        #expect(Set(replies.map { "\($0)" }).count == 1)
    }

    @Test func aCommandCutShortByADeathIsAnsweredAsInterruptedNeverRunAgain() async throws {
        let database = try MigrationDatabase.inMemory()
        let store = AgentCommandStore(database: database)
        // The previous agent recorded the command and died before its result.
        let text = String(decoding: try Self.encoder.encode(Self.advance), as: UTF8.self)
        #expect(try await store.receive(id: "c-1", command: text) == .new)
        let runs = Runs()
        let executor = self.executor(store, runs)
        await executor.recoverInterrupted()
        let reply = await executor.execute(id: "c-1", command: Self.advance)
        guard case .ack(let result) = reply else {
            Issue.record("expected ACK, got \(reply)")
            return
        }
        #expect(!result.ok)
        #expect(result.summary.hasPrefix("interrupted"))
        #expect(runs.count.load(ordering: .sequentiallyConsistent) == 0)
    }

    @Test func afterStopAcceptingNewCommandsGet503AndDrainWaitsForTheRunningOne() async throws {
        let runs = Runs(delay: .milliseconds(500))
        let executor = self.executor(AgentCommandStore(database: try MigrationDatabase.inMemory()), runs)
        let running = Task { await executor.execute(id: "c-1", command: Self.advance) }
        try await Task.sleep(for: .milliseconds(100))
        await executor.stopAccepting()
        let refused = await executor.execute(id: "c-2", command: Self.advance)
        #expect(refused == .error(ControlErrorBody(.unavailable, "the agent is stopping")))
        await executor.drain()
        guard case .ack(let result) = await running.value else {
            Issue.record("the running command was not acked")
            return
        }
        #expect(result.ok)
        #expect(runs.count.load(ordering: .sequentiallyConsistent) == 1)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
