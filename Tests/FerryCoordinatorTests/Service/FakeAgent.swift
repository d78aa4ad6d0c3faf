import ControlProtocol
import Foundation
import Logging

/// A light agent on a real connection: sends its state, then answers each `CMD` from its own record by
/// command id (running a command at most once), or ignores commands when told not to ack.
actor FakeAgent {
    let id: String
    let channel: ControlChannel
    /// Command ids in the order `CMD` lines arrived (repeats included).
    private(set) var received: [String] = []
    /// The commands as received.
    private(set) var commands: [String: AgentCommand] = [:]
    /// Commands run (once per id): the agent's own record.
    private var record: [String: CommandResult]
    private var acks: Bool
    private var reader: Task<Void, Never>?

    private init(id: String, channel: ControlChannel, record: [String: CommandResult], acks: Bool) {
        self.id = id
        self.channel = channel
        self.record = record
        self.acks = acks
    }

    /// Connects as agent `id`, sends its STATE, and starts answering commands.
    static func connect(
        _ harness: CoordinatorHarness, id: String, cluster: String = "hz", labels: [String: String] = [:],
        acks: Bool = true, record: [String: CommandResult] = [:]
    ) async throws -> FakeAgent {
        let channel = try await ControlClient.connect(
            try harness.clientConfiguration(role: .agent, id: id),
            logger: Logger(label: "test.agent") { _ in SwiftLogNoOpLogHandler() })
        let agent = FakeAgent(id: id, channel: channel, record: record, acks: acks)
        await agent.startReading()
        let state = AgentState(
            agentId: id, labels: labels, cluster: cluster, version: "fake 1", takenAt: Date(), proxy: nil, tasks: [])
        try await channel.send(try ControlLine(.state, id: "s1", state))
        return agent
    }

    private func startReading() {
        self.reader = Task {
            do {
                for try await line in self.channel.inbound where line.verb == .cmd {
                    await self.handle(line)
                }
            } catch {}
        }
    }

    private func handle(_ line: ControlLine) async {
        self.received.append(line.id)
        guard let command = try? line.decode(AgentCommand.self) else { return }
        let result = self.record[line.id] ?? CommandResult(ok: true, summary: "\(command.action.rawValue) on \(self.id)")
        self.record[line.id] = result
        self.commands[line.id] = command
        guard self.acks else { return }
        try? await self.channel.send(try ControlLine(.ack, id: line.id, result))
    }

    /// The agent's own record (to hand to its next incarnation).
    func ownRecord() -> [String: CommandResult] { self.record }

    func send(_ event: AgentEvent) async throws {
        try await self.channel.send(try ControlLine(.event, id: "e1", event))
    }

    func close() async {
        await self.channel.close()
        self.reader?.cancel()
    }
}
