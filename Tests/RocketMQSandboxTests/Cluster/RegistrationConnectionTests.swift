import NIOCore
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// The NameServer drops a broker as soon as the connection it registered on closes; brokers keep theirs open.
@Suite(.timeLimit(.minutes(2))) struct RegistrationConnectionTests {
    @Test func aBrokerGoesAtOnceWhenItsRegistrationConnectionCloses() async throws {
        try await SandboxTest.withCluster { cluster in
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                var register = try Fixture("0103_REGISTER_BROKER__SUCCESS").request
                register.extFields?["brokerName"] = "broker-z"
                register.extFields?["brokerAddr"] = "127.0.0.1:1"
                #expect(try await nameServer.send(register).responseCode == .success)
                let info = String(buffer: try #require(try await nameServer.send(.request(code: .getBrokerClusterInfo)).body))
                #expect(info.contains("broker-z"))
            }
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                var info = ""
                for _ in 0..<100 {
                    info = String(buffer: try #require(try await nameServer.send(.request(code: .getBrokerClusterInfo)).body))
                    if !info.contains("broker-z") { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(!info.contains("broker-z"))
                // broker-a registered at start and keeps its connection: it stays.
                #expect(info.contains("broker-a"))
            }
        }
    }
}
