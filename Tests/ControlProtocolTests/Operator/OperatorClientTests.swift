import Foundation
import Testing

@testable import ControlProtocol

/// ``OperatorClient`` against a fake coordinator built on ``ControlServer``.
@Suite(.timeLimit(.minutes(2))) struct OperatorClientTests {
    static let summary = AgentSummary(
        agentId: "hz-1", labels: ["env": "prod"], cluster: "hz", version: "ferry-agent test", connected: true,
        lastSeen: Date(timeIntervalSince1970: 1_795_000_000), address: "10.0.0.1:5000")

    /// Answers `agents` with one agent, `outcome` with 404, `watch` with OK then two events, and never answers
    /// `status` (so the client's timeout shows).
    @Sendable static func fakeCoordinator(_ channel: ControlChannel) async {
        do {
            for try await line in channel.inbound where line.verb == .req {
                let request = try line.decode(OperatorRequest.self)
                switch request.action {
                case .agents:
                    try await channel.send(try ControlLine(.ok, id: line.id, AgentList(agents: [Self.summary])))
                case .outcome:
                    try await channel.send(
                        .error(id: line.id, ControlErrorBody(.notFound, "no command \(request.commandId ?? "")")))
                case .watch:
                    try await channel.send(ControlLine(.ok, id: line.id))
                    for index in 1...2 {
                        let event = AgentEvent(
                            agentId: "hz-1", kind: .stageChanged, task: "t", topic: "a", message: "step \(index)",
                            at: Date(timeIntervalSince1970: 1_795_000_000))
                        try await channel.send(try ControlLine(.event, id: "e\(index)", event))
                    }
                case .dispatch:
                    let result = DispatchResult(
                        commandId: request.commandId ?? "c-generated",
                        command: request.command ?? AgentCommand(action: .hooksReload),
                        outcomes: [
                            AgentOutcome(
                                agentId: "hz-1", status: .succeeded,
                                result: CommandResult(ok: true, summary: "\(request.timeoutMillis ?? -1)"))
                        ])
                    try await channel.send(try ControlLine(.ok, id: line.id, result))
                case .status:
                    break
                }
            }
        } catch {}
    }

    func connect(_ server: ControlServer, timeout: Duration = .seconds(30)) async throws -> OperatorClient {
        let channel = try await ControlClient.connect(
            try clientConfiguration(port: server.port, role: .operator, id: "alice"), logger: quietLogger)
        return OperatorClient(channel: channel, requestTimeout: timeout)
    }

    @Test func requestsGetTheirTypedAnswers() async throws {
        try await withControlServer(handle: Self.fakeCoordinator) { server in
            let client = try await self.connect(server)
            #expect(try await client.agents(nil) == AgentList(agents: [Self.summary]))
            let result = try await client.dispatch(
                AgentCommand(action: .migrateAdvance, task: "t", all: true), to: AgentSelector(labels: ["env": "prod"]),
                timeout: .milliseconds(1500), commandId: "c-7")
            #expect(result.commandId == "c-7")
            #expect(result.outcomes.first?.result?.summary == "1500")
            await #expect(throws: ControlErrorBody(.notFound, "no command c-9")) {
                _ = try await client.outcome(commandId: "c-9")
            }
            await client.close()
        }
    }

    @Test func concurrentRequestsAreCorrelatedById() async throws {
        try await withControlServer(handle: Self.fakeCoordinator) { server in
            let client = try await self.connect(server)
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        if index.isMultiple(of: 2) { return try await client.agents(nil).agents.count == 1 }
                        return try await client.dispatch(
                            AgentCommand(action: .hooksReload), to: nil, timeout: nil, commandId: "c-\(index)"
                        ).commandId == "c-\(index)"
                    }
                }
                for try await matched in group { #expect(matched) }
            }
            await client.close()
        }
    }

    @Test func anUnansweredRequestTimesOutAndInFlightIsBounded() async throws {
        try await withControlServer(handle: Self.fakeCoordinator) { server in
            let client = try await self.connect(server, timeout: .milliseconds(300))
            await #expect(throws: ControlErrorBody(.timeout, "no answer to status within 0.3 seconds")) {
                _ = try await client.status(nil)
            }
            let slow = try await self.connect(server, timeout: .seconds(20))
            let waiting = Task {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<OperatorClient.maxInFlight { group.addTask { _ = try? await slow.status(nil) } }
                }
            }
            var refused: ControlErrorBody?
            for _ in 0..<200 where refused == nil {
                try await Task.sleep(for: .milliseconds(20))
                do {
                    _ = try await slow.agents(nil)
                } catch let error as ControlErrorBody {
                    refused = error
                }
            }
            #expect(refused?.code == ControlErrorCode.busy.rawValue)
            await slow.close()
            await waiting.value
            await client.close()
        }
    }

    @Test func watchYieldsEventsAndClosingFailsWaitingRequests() async throws {
        try await withControlServer(handle: Self.fakeCoordinator) { server in
            let client = try await self.connect(server)
            let events = try await client.watch()
            var messages: [String] = []
            for try await line in events {
                messages.append(try line.decode(AgentEvent.self).message)
                if messages.count == 2 { break }
            }
            #expect(messages == ["step 1", "step 2"])
            let pending = Task { try await client.status(nil) }
            try await Task.sleep(for: .milliseconds(100))
            await client.close()
            await #expect(throws: ControlErrorBody.self) { _ = try await pending.value }
            await #expect(throws: ControlErrorBody(.unavailable, "the operator connection was closed")) {
                _ = try await client.agents(nil)
            }
        }
    }

    @Test func aClientDroppedWithoutCloseClosesItsConnection() async throws {
        let ended = Recorded(false)
        try await withControlServer(handle: { channel in
            await Self.fakeCoordinator(channel)
            ended.update { $0 = true }
        }) { server in
            do {
                let client = try await self.connect(server)
                #expect(try await client.agents(nil).agents.count == 1)
            }
            for _ in 0..<100 where !ended.value { try await Task.sleep(for: .milliseconds(50)) }
            #expect(ended.value)
        }
    }
}
