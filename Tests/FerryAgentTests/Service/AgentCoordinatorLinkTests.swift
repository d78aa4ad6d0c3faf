import ControlProtocol
import FerryAgent
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import Testing
import TrafficMigration

/// The agent against a real ``ControlServer`` standing in for the coordinator.
@Suite(.timeLimit(.minutes(3))) struct AgentCoordinatorLinkTests {
    static let secretBytes = Array("agent-link-test-secret-0123456789".utf8)

    /// A server whose authenticated connections arrive on ``channels``; each stays open until the peer or the
    /// server closes it.
    struct FakeCoordinator {
        let server: ControlServer
        let channels: AsyncStream<ControlChannel>
        let serving: Task<Void, any Error>

        static func start(port: Int = 0) async throws -> FakeCoordinator {
            let server = try await ControlServer.bind(
                ControlServerConfiguration(
                    host: "127.0.0.1", port: port, serverName: "fake-coordinator",
                    secret: try ControlSecret(bytes: AgentCoordinatorLinkTests.secretBytes)),
                logger: AgentSandbox.logger)
            let (channels, sink) = AsyncStream.makeStream(of: ControlChannel.self)
            let serving = Task {
                try await server.run { channel in
                    sink.yield(channel)
                    while channel.isActive, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) }
                }
            }
            return FakeCoordinator(server: server, channels: channels, serving: serving)
        }

        func stop() async {
            await self.server.shutdown()
            self.serving.cancel()
            _ = try? await self.serving.value
        }
    }

    /// The next line with `verb` (and `id`, when given), skipping others; nil when the connection ends first.
    static func next(
        _ verb: ControlVerb, id: String? = nil, from lines: inout AsyncThrowingStream<ControlLine, any Error>.Iterator
    ) async throws -> ControlLine? {
        while let line = try await lines.next() {
            if line.verb == verb, id == nil || line.id == id { return line }
        }
        return nil
    }

    static func writeSecret(in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("coordinator.secret")
        _ = FileManager.default.createFile(
            atPath: path, contents: Data(Self.secretBytes), attributes: [.posixPermissions: 0o600])
        return path
    }

    @Test func commandsAreAckedOnceAndTheAgentResendsItsFullStateAfterTheCoordinatorComesBack() async throws {
        try await AgentSandbox.with(topics: ["Orders"]) { sandbox in
            let secretDirectory = sandbox.stateDirectory + "-secret"
            defer { try? FileManager.default.removeItem(atPath: secretDirectory) }
            let coordinator = try await FakeCoordinator.start()
            let port = coordinator.server.port
            let configuration = sandbox.configuration(
                coordinator: CoordinatorEndpoint(
                    address: "127.0.0.1:\(port)", secretFile: try Self.writeSecret(in: secretDirectory)))
            let service = try FerryAgentService(configuration: configuration, logger: AgentSandbox.logger)
            let running = Task { try await service.run() }
            defer { running.cancel() }

            var connections = coordinator.channels.makeAsyncIterator()
            let channel = try #require(await connections.next())
            #expect(channel.peer.id == "agent-test-1")
            var lines = channel.inbound.makeAsyncIterator()
            let hello = try #require(try await Self.next(.state, from: &lines))
            #expect(try hello.decode(AgentState.self).agentId == "agent-test-1")

            try await channel.send(
                ControlLine(.cmd, id: "c-create", AgentCommand(action: .migrateCreate, task: "task", topics: ["Orders"])))
            let created = try #require(try await Self.next(.ack, id: "c-create", from: &lines))
            #expect(try created.decode(CommandResult.self).ok)
            let advance = AgentCommand(
                action: .migrateAdvance, task: "task", topics: ["Orders"], reason: "test", ignoreHealth: true)
            try await channel.send(ControlLine(.cmd, id: "c-advance", advance))
            let acked = try #require(try await Self.next(.ack, id: "c-advance", from: &lines))
            let result = try acked.decode(CommandResult.self)
            #expect(result.topics.map(\.to) == [.dualRead], "\(result)")
            try await channel.send(ControlLine(.cmd, id: "c-advance", advance))
            let again = try #require(try await Self.next(.ack, id: "c-advance", from: &lines))
            #expect(try again.decode(CommandResult.self) == result)
            try await channel.send(ControlLine(.cmd, id: "c-advance", AgentCommand(action: .migrateRollback, task: "task", all: true)))
            let conflict = try #require(try await Self.next(.err, id: "c-advance", from: &lines))
            #expect(try conflict.decode(ControlErrorBody.self).code == 409)
            let store = TrafficStore(database: try MigrationDatabase(path: configuration.statePath))
            #expect(try store.task(named: "task")?.topics.map(\.stage) == [.dualRead])

            // The coordinator goes away; the proxy keeps serving the committed stage meanwhile.
            await coordinator.stop()
            let proxyPort = await service.proxyPort
            #expect(await eventually(timeout: .seconds(5)) { try await sandbox.routeThroughProxy("Orders", port: proxyPort)?.shape == ["broker-a:6", "broker-t:4"] })
            // It comes back on the same port: the agent dials again and sends its full state first.
            let back = try await FakeCoordinator.start(port: port)
            defer { Task { await back.stop() } }
            var reconnections = back.channels.makeAsyncIterator()
            let second = try #require(await reconnections.next())
            var secondLines = second.inbound.makeAsyncIterator()
            let resent = try #require(try await Self.next(.state, from: &secondLines))
            let state = try resent.decode(AgentState.self)
            #expect(state.agentId == "agent-test-1")
            #expect(state.tasks.first?.status.topics.map(\.stageNumber) == [1])
            #expect(state.proxy?.listen == "127.0.0.1:\(proxyPort)")
        }
    }
}
