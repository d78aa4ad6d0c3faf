import ControlProtocol
import LiveDemo
import MigrationEngine
import Synchronization
import Testing

@Suite struct StageWalkerTests {
    /// A fake agent: each topic is refused `refusals` times at each stage before it moves one stage.
    final class FakeAgent: Sendable {
        private let state: Mutex<(stages: [String: MigrationStage], refused: [String: Int], commands: [AgentCommand])>
        private let refusals: [String: Int]

        init(topics: [String], refusals: [String: Int]) {
            self.state = Mutex((Dictionary(uniqueKeysWithValues: topics.map { ($0, .initial) }), [:], []))
            self.refusals = refusals
        }

        var commands: [AgentCommand] { self.state.withLock { $0.commands } }
        var stages: [String: MigrationStage] { self.state.withLock { $0.stages } }

        func dispatch(_ command: AgentCommand) -> CommandResult {
            self.state.withLock { state in
                state.commands.append(command)
                let outcomes = (command.topics ?? []).map { topic -> TopicOutcome in
                    let stage = state.stages[topic] ?? .initial
                    if state.refused[topic, default: 0] < self.refusals[topic, default: 0] {
                        state.refused[topic, default: 0] += 1
                        return TopicOutcome(topic: topic, from: stage, to: stage, refused: "clients still on \(stage)")
                    }
                    state.refused[topic] = 0
                    let next = stage.next ?? stage
                    state.stages[topic] = next
                    return TopicOutcome(topic: topic, from: stage, to: next, refused: nil)
                }
                return CommandResult(ok: outcomes.allSatisfy { $0.refused == nil }, summary: "", topics: outcomes)
            }
        }
    }

    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { self.lines.withLock { $0 } }
        func append(_ line: String) { self.lines.withLock { $0.append(line) } }
    }

    @Test func movesEveryTopicToCompletedRetryingRefusals() async throws {
        let agent = FakeAgent(topics: ["a", "b"], refusals: ["b": 2])
        let lines = Lines()
        var walker = StageWalker(task: "demo", dispatch: { agent.dispatch($0) }, output: { lines.append($0) })
        walker.retryInterval = .milliseconds(1)
        try await walker.walk(["a", "b"])
        #expect(agent.stages == ["a": .completed, "b": .completed])
        #expect(agent.commands.allSatisfy { $0.action == .migrateAdvance && $0.task == "demo" })
        #expect(agent.commands.last?.topics == ["b"])
        #expect(lines.all.filter { $0.hasPrefix("  a:") } == [
            "  a: initial → dual-read", "  a: dual-read → dual-read-write", "  a: dual-read-write → cutting-over",
            "  a: cutting-over → completed",
        ])
        // Each stage's reason is printed once, however many times it is refused.
        #expect(lines.all.filter { $0 == "  b: waiting, clients still on initial" }.count == 1)
        #expect(lines.all.filter { $0.hasPrefix("  b: waiting") }.count == 4)
    }

    @Test func givesUpWithTheLastReasonWhenATopicNeverMoves() async throws {
        let agent = FakeAgent(topics: ["a", "stuck"], refusals: ["stuck": .max])
        var walker = StageWalker(task: "demo", dispatch: { agent.dispatch($0) }, output: { _ in })
        walker.retryInterval = .milliseconds(5)
        walker.timeout = .milliseconds(200)
        let error = await #expect(throws: LiveDemoError.self) { try await walker.walk(["a", "stuck"]) }
        #expect(error?.description == "the walk timed out; stuck at initial: clients still on initial")
        #expect(agent.stages["a"] == .completed)
    }

    @Test func stopsWhenTheAgentCannotRunTheStep() async throws {
        let walker = StageWalker(
            task: "demo",
            dispatch: { _ in
                CommandResult(ok: false, summary: "", error: ControlErrorBody(.notFound, "no task demo"))
            }, output: { _ in })
        let error = await #expect(throws: LiveDemoError.self) { try await walker.walk(["a"]) }
        #expect(error?.description == "migrate.advance failed: no task demo")
    }
}
