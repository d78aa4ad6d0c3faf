import NIOCore
import NIOEmbedded
import Testing

@testable import ControlProtocol

/// The session handler on `EmbeddedChannel`s: handshake, refusals, heartbeats and limits, in virtual time.
@Suite struct ControlSessionHandlerTests {
    @Test func aClientAndAServerAuthenticateAndExchangeLines() throws {
        let server = try EmbeddedSession.server(secret: try testSecret())
        let client = try EmbeddedSession.client(secret: try testSecret())
        try EmbeddedSession.converse(client: client, server: server)
        let peer = try server.authenticated.wait()
        #expect(peer == ControlPeer(role: .agent, id: "agent-hz-1", remoteAddress: "127.0.0.1:7900"))
        #expect(try client.authenticated.wait().id == "agent-hz-1")
        try server.receive(#"STATE s1 {"x":1}"#)
        #expect(try server.delivered() == [ControlLine(.state, id: "s1", payload: #"{"x":1}"#)])
        #expect(try server.sent() == [])
        #expect(try client.delivered() == [])
    }

    @Test func anUnauthenticatedLineIsRefusedAndTheConnectionClosed() throws {
        let server = try EmbeddedSession.server(secret: try testSecret())
        #expect(try server.sent().map(\.verb) == [.hello])
        try server.receive(#"REQ r1 {"action":"agents"}"#)
        let reply = try server.sent()
        #expect(
            reply.map(\.serialised) == [#"ERR r1 {"code":401,"message":"authenticate first: only AUTH is accepted"}"#])
        #expect(!server.channel.isActive)
        #expect(try server.delivered() == [])
        #expect(throws: ControlErrorBody.self) { try server.authenticated.wait() }
    }

    @Test func aReplayedAuthLineFromAnEarlierConnectionIsRefused() throws {
        let first = try EmbeddedSession.server(secret: try testSecret())
        let client = try EmbeddedSession.client(secret: try testSecret())
        let hello = try first.sent()
        for line in hello { try client.receive(line) }
        let captured = try client.sent()
        #expect(captured.map(\.verb) == [.auth])
        for line in captured { try first.receive(line) }
        #expect(try first.authenticated.wait().id == "agent-hz-1")

        let second = try EmbeddedSession.server(secret: try testSecret())
        _ = try second.sent()
        for line in captured { try second.receive(line) }
        #expect(try second.sent().map(\.serialised) == [#"ERR auth {"code":401,"message":"authentication failed"}"#])
        #expect(!second.channel.isActive)
    }

    @Test func aWrongSecretIsRefusedByTheServer() throws {
        let server = try EmbeddedSession.server(secret: try testSecret())
        let client = try EmbeddedSession.client(secret: try otherSecret())
        try EmbeddedSession.converse(client: client, server: server)
        #expect(throws: ControlErrorBody(.unauthenticated, "authentication failed")) { try server.authenticated.wait() }
        #expect(throws: ControlErrorBody(.unauthenticated, "authentication failed")) { try client.authenticated.wait() }
        #expect(!server.channel.isActive && !client.channel.isActive)
    }

    @Test func aClientRefusesAServerWithAWrongSecret() throws {
        let impostor = try EmbeddedSession.server(secret: try otherSecret())
        let client = try EmbeddedSession.client(secret: try testSecret())
        let hello = try #require(try impostor.sent().first)
        try client.receive(hello)
        let auth = try #require(try client.sent().first)
        let request = try auth.decode(AuthRequest.self)
        // The impostor answers OK with a proof made from its own secret.
        let mac = ControlAuth.serverMAC(
            secret: try otherSecret(), serverNonce: try hello.decode(Hello.self).nonce, clientNonce: request.nonce,
            role: .agent, id: "agent-hz-1")
        try client.receive(try ControlLine(.ok, id: auth.id, AuthAccepted(mac: mac, heartbeatSeconds: 10)))
        #expect(throws: ControlErrorBody(.unauthenticated, "the server could not prove the shared secret")) {
            try client.authenticated.wait()
        }
        #expect(!client.channel.isActive)
    }

    @Test func heartbeatsArePingedAnsweredAndASilentPeerIsDropped() throws {
        var limits = ControlLimits()
        limits.heartbeatSeconds = 1
        let server = try EmbeddedSession.server(secret: try testSecret(), limits: limits)
        let client = try EmbeddedSession.client(secret: try testSecret())
        try EmbeddedSession.converse(client: client, server: server)
        #expect(try server.authenticated.wait().id == "agent-hz-1")

        server.channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(try server.sent() == [ControlLine(.ping, id: "hb-1")])
        try server.receive("PING x7")
        #expect(try server.sent() == [ControlLine(.pong, id: "x7")])
        #expect(try server.delivered() == [])

        server.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(server.channel.isActive)
        server.channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!server.channel.isActive)
    }

    @Test func aPeerThatNeverAuthenticatesIsRefusedAtTheTimeout() throws {
        var limits = ControlLimits()
        limits.authTimeout = .seconds(2)
        let server = try EmbeddedSession.server(secret: try testSecret(), limits: limits)
        _ = try server.sent()
        server.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(try server.sent().map(\.serialised) == [#"ERR - {"code":401,"message":"authentication timed out"}"#])
        #expect(!server.channel.isActive)
    }

    @Test func theLineLimitGrowsOnlyAfterAuthentication() throws {
        let server = try EmbeddedSession.server(secret: try testSecret())
        let client = try EmbeddedSession.client(secret: try testSecret())
        try EmbeddedSession.converse(client: client, server: server)
        let big = #"STATE s1 {"pad":""# + String(repeating: "p", count: 10_000) + #""}"#
        try server.receive(big)
        #expect(try server.delivered().map(\.id) == ["s1"])

        let fresh = try EmbeddedSession.server(secret: try testSecret())
        _ = try fresh.sent()
        try fresh.receive(big)
        #expect(try fresh.sent().map { try $0.decode(ControlErrorBody.self).code } == [413])
        #expect(!fresh.channel.isActive)
    }

    @Test func malformedLinesAfterAuthenticationAreAnsweredAndTheConnectionStays() throws {
        let server = try EmbeddedSession.server(secret: try testSecret())
        let client = try EmbeddedSession.client(secret: try testSecret())
        try EmbeddedSession.converse(client: client, server: server)
        try server.receive("FROB x")
        #expect(try server.sent().map(\.serialised) == [#"ERR - {"code":400,"message":"unknown verb \"FROB\""}"#])
        #expect(server.channel.isActive)
        try server.receive("BYE -")
        #expect(!server.channel.isActive)
    }

    @Test func overCapacityAServerAnswers429AndCloses() throws {
        let channel = EmbeddedChannel()
        _ = try ControlPipeline.configure(
            channel, side: .refusing(ControlErrorBody(.busy, "too many connections")), tls: nil, serverHostname: nil,
            isServer: true, limits: ControlLimits(), logger: quietLogger)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        let reply = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: reply) == "ERR - {\"code\":429,\"message\":\"too many connections\"}\n")
        #expect(!channel.isActive)
    }

}
