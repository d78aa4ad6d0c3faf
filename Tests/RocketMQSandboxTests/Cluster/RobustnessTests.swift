import NIOCore
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// Bad input closes only the offending connection; registration and expiry follow the configured timers.
@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    @Test func garbageAndOversizeFramesCloseOnlyThatConnection() async throws {
        var options = SandboxOptions()
        options.maxFrameLength = 64 * 1024
        try await SandboxTest.withCluster(options: options) { cluster in
            let brokerAddress = try #require(cluster.brokerAddresses["broker-a"])
            try await TestConnection.with(brokerAddress) { healthy in
                #expect(try await TestConnection.sendGarbage([0, 0, 0, 2, 0xFF, 0xFF], to: brokerAddress))
                #expect(try await TestConnection.sendGarbage([0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0], to: brokerAddress))
                #expect(try await TestConnection.sendGarbage([0, 0, 0, 8, 0, 0, 0, 4] + Array("{{{{".utf8), to: brokerAddress))
                // A well-framed request whose body is larger than the frame limit.
                var big = RemotingCommand.request(code: .sendMessageV2, body: ByteBuffer(repeating: 0x41, count: 70 * 1024))
                big.opaque = 1
                #expect(try await TestConnection.sendGarbage(Array(try big.encodedFrame().readableBytesView), to: brokerAddress))
                let unknown = try await healthy.send(.request(code: RequestCode(4242)))
                #expect(unknown.responseCode == .requestCodeNotSupported)
                #expect(unknown.remark == " request type 4242 not supported")
                let topics = try await healthy.send(.request(code: .getAllTopicConfig))
                #expect(topics.responseCode == .success)
            }
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                let info = try await nameServer.send(.request(code: .getBrokerClusterInfo))
                #expect(info.responseCode == .success)
            }
        }
    }

    @Test func silentBrokersExpireWhileLiveOnesReRegister() async throws {
        var options = SandboxOptions()
        // Fifteen registration rounds per expiry window: a live broker stays even when the parallel test run
        // delays its timer by a second.
        options.registerInterval = .milliseconds(100)
        options.brokerExpiry = .milliseconds(1500)
        options.brokerScanInterval = .milliseconds(100)
        try await SandboxTest.withCluster(options: options) { cluster in
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                var register = try Fixture("0103_REGISTER_BROKER__SUCCESS").request
                register.extFields?["brokerName"] = "broker-z"
                register.extFields?["brokerAddr"] = "127.0.0.1:1"
                #expect(try await nameServer.send(register).responseCode == .success)
                let before = String(buffer: try #require(try await nameServer.send(.request(code: .getBrokerClusterInfo)).body))
                #expect(before.contains("broker-z") && before.contains("broker-a"))
                try await Task.sleep(for: .milliseconds(3000))
                let after = String(buffer: try #require(try await nameServer.send(.request(code: .getBrokerClusterInfo)).body))
                #expect(!after.contains("broker-z"))
                #expect(after.contains("broker-a"))
            }
        }
    }

    @Test func shutdownUnregistersAndTwoClustersCoexist() async throws {
        let logger = SandboxTest.logger
        let source = try await SandboxCluster.start(name: "SourceCluster", brokerNames: ["broker-a", "broker-b"], logger: logger)
        let target: SandboxCluster
        do {
            target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["broker-c", "broker-d"], logger: logger)
        } catch {
            await source.shutdown()
            throw error
        }
        #expect(source.brokerAddresses.count == 2)
        #expect(Set(source.brokerAddresses.values).isDisjoint(with: target.brokerAddresses.values))
        await target.shutdown()
        await source.shutdown()
        await #expect(throws: (any Error).self) { try await TestConnection.with(source.nameServerAddress) { _ in } }
        await #expect(throws: SandboxError.self) {
            _ = try await SandboxCluster.start(name: "X", brokerNames: ["b", "b"], logger: logger)
        }
    }
}
