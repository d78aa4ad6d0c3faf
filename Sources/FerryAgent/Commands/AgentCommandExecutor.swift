public import ControlProtocol
import Foundation
public import Logging
public import MigrationStore

/// Runs coordinator commands at most once per command id, whatever the coordinator resends:
///
/// * a new id is recorded (``AgentCommandStore``) before the command runs, and its result when it ends;
/// * the same id again gets the recorded result — or, while it still runs, waits for it — never a second run;
/// * an id recorded without a result (the agent died while it ran) gets an "interrupted" result: whether the
///   step committed is in the task's status, and a blind rerun could move a topic twice;
/// * a different command under a used id is refused with `409`.
///
/// After ``stopAccepting()`` new commands get `503`; ``drain()`` waits for the running ones.
public actor AgentCommandExecutor {
    /// What to answer on the line: `ACK` with the result, or `ERR`.
    public enum Reply: Sendable, Equatable {
        /// `ACK id {CommandResult}`.
        case ack(CommandResult)
        /// `ERR id {ControlErrorBody}`.
        case error(ControlErrorBody)
    }

    private let store: AgentCommandStore
    private let perform: @Sendable (AgentCommand) async -> CommandResult
    private let logger: Logger
    /// The commands being answered now, by id: their canonical text and the answering task.
    private var running: [String: (text: String, task: Task<Reply, Never>)] = [:]
    private var accepting = true
    /// Hears of every command the agent ran (not of answers from the record), for events.
    private let finished: @Sendable (String, AgentCommand, CommandResult) -> Void

    /// An executor recording in `store` and running commands with `perform`; `finished` hears of every run.
    public init(
        store: AgentCommandStore, logger: Logger,
        finished: @escaping @Sendable (String, AgentCommand, CommandResult) -> Void = { _, _, _ in },
        perform: @escaping @Sendable (AgentCommand) async -> CommandResult
    ) {
        self.store = store
        self.logger = logger
        self.finished = finished
        self.perform = perform
    }

    /// Answers command `id`.
    public func execute(id: String, command: AgentCommand) async -> Reply {
        let text: String
        do {
            text = try Self.encode(command)
        } catch {
            return .error(ControlErrorBody(.malformed, "the command cannot be encoded"))
        }
        if let current = self.running[id] {
            // Resent while it is being answered: the same command joins that answer.
            guard current.text == text else { return Self.conflict(id) }
            return await current.task.value
        }
        guard self.accepting else { return .error(ControlErrorBody(.unavailable, "the agent is stopping")) }
        let task = Task { await self.answer(id: id, command: command, text: text) }
        self.running[id] = (text, task)
        let reply = await task.value
        self.running[id] = nil
        return reply
    }

    /// The one answer of `id`: from the record, or by running the command.
    private func answer(id: String, command: AgentCommand, text: String) async -> Reply {
        let receipt: AgentCommandStore.Receipt
        do throws(MigrationStoreError) {
            receipt = try await self.store.receive(id: id, command: text)
        } catch {
            return .error(ControlErrorBody(.failed, "cannot record the command: \(error.reason)"))
        }
        switch receipt {
        case .conflict:
            return Self.conflict(id)
        case .finished(let result):
            return Self.decodeRecorded(result)
        case .unfinished:
            // Not running in this process (that was joined above): it ran when the agent died.
            return .ack(await self.record(id: id, Self.interrupted))
        case .new:
            let result = await self.perform(command)
            await self.record(id: id, result)
            self.finished(id, command, result)
            return .ack(result)
        }
    }

    /// Answers every later command with `503` (SIGTERM: the running ones still finish).
    public func stopAccepting() {
        self.accepting = false
    }

    /// Waits until no command runs.
    public func drain() async {
        while let current = self.running.values.first {
            _ = await current.task.value
            await Task.yield()
        }
    }

    /// Marks commands recorded without a result (the agent died while they ran) as interrupted; call at start.
    public func recoverInterrupted() async {
        guard let ids = try? self.store.unfinished() else { return }
        for id in ids { await self.record(id: id, Self.interrupted) }
    }

    private static let interrupted = CommandResult(
        ok: false, summary: "interrupted: the agent stopped while this command ran; see migrate.status",
        error: ControlErrorBody(.failed, "interrupted by an agent restart"))

    private static func conflict(_ id: String) -> Reply {
        .error(ControlErrorBody(.conflict, "command id \(id) was used for a different command"))
    }

    /// Records `result` (the first recorded result wins).
    @discardableResult
    private func record(id: String, _ result: CommandResult) async -> CommandResult {
        do {
            try await self.store.finish(id: id, result: try Self.encode(result))
        } catch {
            self.logger.warning(
                "agent.command.record.failed", metadata: ["command.id": "\(id)", "error": "\(error)"])
        }
        return result
    }

    private static func decodeRecorded(_ text: String) -> Reply {
        do {
            return .ack(try JSONDecoder.agentRecord.decode(CommandResult.self, from: Data(text.utf8)))
        } catch {
            return .error(ControlErrorBody(.failed, "the recorded result cannot be read"))
        }
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.agentRecord.encode(value), as: UTF8.self)
    }
}

extension JSONEncoder {
    /// Sorted keys and ISO 8601 dates: the line protocol's encoding, and canonical for comparing commands.
    static var agentRecord: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    /// ISO 8601 dates, as ``JSONEncoder/agentRecord`` writes them.
    static var agentRecord: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
