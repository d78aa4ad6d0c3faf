import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

/// Java's client picks one NameServer at random and keeps it while it answers
/// (`NettyRemotingClient.getAndCreateNameserverChannel`); after a failure it moves on to the next one.
@Suite(.timeLimit(.minutes(2))) struct NameServerChoiceTests {
    let logger = Logger(label: "test.namesrv-choice")

    func withNameServers(_ count: Int, _ body: ([FakeRemotingServer]) async throws -> Void) async throws {
        var servers: [FakeRemotingServer] = []
        do {
            for _ in 0..<count {
                servers.append(try await FakeRemotingServer.start { request, connection in
                    connection.respond(to: request, body: TopicRouteData().byteBuffer())
                })
            }
            try await body(servers)
        } catch {
            for server in servers { await server.shutdown() }
            throw error
        }
        for server in servers { await server.shutdown() }
    }

    /// Which server each request reached, by index.
    func served(_ servers: [FakeRemotingServer]) -> [Int] {
        servers.indices.map { servers[$0].receivedRequests.count }
    }

    @Test func eachClientSticksToOneRandomNameServer() async throws {
        try await self.withNameServers(3) { servers in
            let client = RemotingClient(logger: self.logger)
            var chosen: Set<Int> = []
            for _ in 0..<12 {
                let before = self.served(servers)
                let admin = RocketMQAdmin(client: client, nameServers: servers.map(\.address))
                for _ in 0..<3 { _ = try await admin.topicRoute("T") }
                let after = self.served(servers)
                let used = servers.indices.filter { after[$0] > before[$0] }
                #expect(used.count == 1, "all of one admin's queries go to one NameServer")
                #expect(used.map { after[$0] - before[$0] } == [3])
                chosen.formUnion(used)
            }
            // 12 random picks out of 3 all landing on the same one: probability 3 · 3^-12 ≈ 6e-6.
            #expect(chosen.count > 1, "not always the first NameServer")
            await client.shutdown()
        }
    }

    @Test func failsOverToTheNextNameServerAndKeepsIt() async throws {
        try await self.withNameServers(3) { servers in
            let client = RemotingClient(logger: self.logger)
            let admin = RocketMQAdmin(client: client, nameServers: servers.map(\.address))
            _ = try await admin.topicRoute("T")
            guard let first = servers.indices.first(where: { servers[$0].receivedRequests.count == 1 }) else {
                Issue.record("no NameServer was asked")
                return
            }
            await servers[first].shutdown()
            let before = self.served(servers)
            for _ in 0..<3 { _ = try await admin.topicRoute("T") }
            let after = self.served(servers)
            let next = (first + 1) % servers.count
            #expect(after[next] - before[next] == 3, "the next NameServer answers and is kept")
            #expect(servers.indices.filter { $0 != next }.allSatisfy { after[$0] == before[$0] })
            await client.shutdown()
        }
    }
}
