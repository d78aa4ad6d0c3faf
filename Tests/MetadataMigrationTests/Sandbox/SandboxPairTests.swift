import InMemoryLogging
import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// ``SandboxPair`` cleans up what it started when starting the pair fails.
@Suite(.timeLimit(.minutes(2))) struct SandboxPairTests {
    @Test func aTargetThatCannotStartLeavesNoSourceServing() async throws {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test.sandbox-pair") { _ in handler }
        var unbindable = SandboxOptions()
        unbindable.host = "192.0.2.1"  // TEST-NET-1: no local interface has it, so the target cannot listen.
        await #expect(throws: (any Error).self) {
            try await SandboxPair.with(targetOptions: unbindable, logger: logger) { _ in }
        }
        let started = handler.entries.filter { $0.message == "sandbox cluster started" }
        let source = try #require(started.first { $0.metadata["cluster.name"] == "SourceCluster" }?.metadata["namesrv.addr"])

        // The source was shut down: its NameServer no longer accepts connections.
        let client = RemotingClient(logger: logger)
        let error = await #expect(throws: RocketMQClientError.self) {
            _ = try await client.invoke(.request(code: .getBrokerClusterInfo), address: "\(source)")
        }
        #expect(error?.code == .connectFailed)
        await client.shutdown()
    }
}
