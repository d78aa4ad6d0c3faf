import NIOCore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// One misbehaving client, or one cluster going away, disturbs nobody else.
@Suite(.timeLimit(.minutes(3))) struct ProxyRobustnessTests {
    @Test func malformedOversizeAndUnknownRequestsDisturbNoOtherClient() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Plain", on: source, client: client)
            var configuration = ProxyTest.configuration(source: source, target: target)
            configuration.maxFrameLength = 64 * 1024
            try await ProxyTest.withProxy(configuration, rules: TestRulesSource(TestRules())) { proxy in
                let address = "127.0.0.1:\(proxy.port)"
                let admin = RocketMQAdmin(client: client, nameServers: [address])
                let before = try await admin.topicRoute("Plain")
                // Garbage: a header length larger than the frame.
                #expect(try await RawConnection.sendGarbage([0, 0, 0, 8, 0, 0, 0, 200, 1, 2, 3, 4], port: proxy.port))
                // Oversize: a frame length past the cap.
                #expect(try await RawConnection.sendGarbage([0x7f, 0, 0, 0, 0, 0, 0, 0], port: proxy.port))
                // An unknown code gets no answer (as from a 4.9.8 NameServer), and the connection stays usable.
                try await RawConnection.with(port: proxy.port) { connection in
                    try await connection.write([
                        RemotingCommand(code: 9999, opaque: 1),
                        .request(code: .getRouteInfoByTopic, ext: ["topic": "Plain"], opaque: 2),
                    ])
                    let answer = try #require(try await connection.next())
                    #expect(answer.opaque == 2 && answer.responseCode == .success)
                }
                #expect(try await admin.topicRoute("Plain") == before)
            }
        }
    }

    @Test func aRequestStormFromOneClientDoesNotStarveAnother() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Plain", on: source, client: client)
            try await ProxyTest.withProxy(
                ProxyTest.configuration(source: source, target: target), rules: TestRulesSource(TestRules())
            ) { proxy in
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                _ = try await admin.topicRoute("Plain")
                let storm = Task {
                    try await RawConnection.with(port: proxy.port) { connection in
                        // Cached answers and uncached topics (the async path) mixed, never read back.
                        for round in 0..<40 {
                            try await connection.write((0..<500).map { index in
                                let topic = index % 2 == 0 ? "Plain" : "Storm\(round)-\(index)"
                                return .request(code: .getRouteInfoByTopic, ext: ["topic": topic], opaque: Int32(round * 500 + index))
                            })
                        }
                    }
                }
                var answered = 0
                for _ in 0..<50 {
                    if (try? await admin.topicRoute("Plain")) != nil { answered += 1 }
                }
                _ = try? await storm.value
                #expect(answered == 50)
            }
        }
    }

    @Test func sourceOutageServesCachedRoutesWithAWarning() async throws {
        let source = try await SandboxCluster.start(name: "SourceCluster", brokerNames: ["broker-a"], logger: ProxyTest.logger)
        let target = try await SandboxCluster.start(name: "TargetCluster", brokerNames: ["broker-t"], logger: ProxyTest.logger)
        let client = RemotingClient(logger: ProxyTest.logger)
        defer { Task { await client.shutdown() } }
        do {
            try await ProxyTest.createTopic("Plain", on: source, client: client)
            try await ProxyTest.createTopic("Moving", on: source, client: client)
            try await ProxyTest.createTopic("Moving", on: target, client: client)
            var configuration = ProxyTest.configuration(source: source, target: target)
            // Two source NameServers: a dead one first exercises the failover on every call.
            configuration.sourceNameServers = ["127.0.0.1:1", source.nameServerAddress]
            let rules = TestRulesSource(TestRules(rewrites: ["Moving": TestRules.dualRead]))
            try await ProxyTest.withProxy(configuration, rules: rules) { proxy in
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                let plain = try await admin.topicRoute("Plain")
                let moving = try await admin.topicRoute("Moving")
                #expect(try await admin.clusterInfo().brokerAddrTable.count == 2)
                await source.shutdown()
                #expect(await ProxyTest.eventually { !proxy.status.sourceReachable })
                #expect(proxy.status.warning == "source NameServers unreachable: serving cached routes")
                #expect(try await admin.topicRoute("Plain") == plain)
                #expect(try await admin.topicRoute("Moving") == moving)
                // A topic never cached cannot be guessed: a clear error, not TOPIC_NOT_EXIST.
                let unknown = try await client.invoke(
                    .request(code: .getRouteInfoByTopic, ext: ["topic": "NeverAsked"]), address: "127.0.0.1:\(proxy.port)")
                #expect(unknown.responseCode == .systemError)
                #expect(try await admin.clusterInfo().brokerAddrTable["broker-a"] != nil)
            }
        } catch {
            await target.shutdown()
            await source.shutdown()
            throw error
        }
        await target.shutdown()
        await source.shutdown()
    }
}
