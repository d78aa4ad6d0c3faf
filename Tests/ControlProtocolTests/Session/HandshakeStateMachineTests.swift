import Testing

@testable import ControlProtocol

/// The two handshake state machines, against each other and against bad peers, without a channel.
@Suite struct HandshakeStateMachineTests {
    static let serverNonce = "00112233445566778899aabbccddeeff"
    static let clientNonce = "ffeeddccbbaa99887766554433221100"

    func server(_ secret: ControlSecret? = nil, nonce: String = Self.serverNonce) throws -> ServerHandshakeStateMachine
    {
        ServerHandshakeStateMachine(serverNonce: nonce, secret: try secret ?? testSecret(), heartbeatSeconds: 10)
    }

    func client(_ secret: ControlSecret? = nil, role: ControlRole = .agent) throws -> ClientHandshakeStateMachine {
        ClientHandshakeStateMachine(
            role: role, id: "agent-hz-1", secret: try secret ?? testSecret(), clientNonce: Self.clientNonce)
    }

    /// The client's AUTH line for the server's greeting.
    func authLine(_ client: inout ClientHandshakeStateMachine, _ server: ServerHandshakeStateMachine) throws
        -> ControlLine
    {
        guard case .send(let auth) = client.lineReceived(server.greeting(serverName: "test")) else {
            Issue.record("the client did not answer HELLO")
            throw ControlErrorBody(.failed, "no AUTH")
        }
        return auth
    }

    @Test func bothSidesAuthenticateEachOther() throws {
        var server = try self.server()
        var client = try self.client()
        let hello = server.greeting(serverName: "ferry-coordinator test")
        #expect(
            try hello.decode(Hello.self)
                == Hello(protocol: 1, server: "ferry-coordinator test", nonce: Self.serverNonce))
        let auth = try self.authLine(&client, server)
        #expect(client.state == .awaitingOK(serverNonce: Self.serverNonce))
        guard case .accept(let role, let id, let reply) = server.lineReceived(auth) else {
            Issue.record("the server refused a good AUTH")
            return
        }
        #expect(role == .agent && id == "agent-hz-1")
        #expect(client.lineReceived(reply) == .authenticated(heartbeatSeconds: 10))
        let state = ControlLine(.state, id: "s1", payload: "{}")
        #expect(server.lineReceived(state) == .deliver(state))
        #expect(client.lineReceived(state) == .deliver(state))
    }

    @Test func aWrongSecretIsRefusedWith401() throws {
        var server = try self.server()
        var client = try self.client(try otherSecret())
        let auth = try self.authLine(&client, server)
        guard case .refuse(let line) = server.lineReceived(auth) else {
            Issue.record("a wrong secret was accepted")
            return
        }
        #expect(try line.decode(ControlErrorBody.self) == ControlErrorBody(.unauthenticated, "authentication failed"))
        #expect(server.state == .refused)
        #expect(server.lineReceived(auth) == .ignore)
    }

    @Test func anAuthLineFromAnotherConnectionIsRefused() throws {
        var first = try self.server()
        var client = try self.client()
        let captured = try self.authLine(&client, first)
        guard case .accept = first.lineReceived(captured) else {
            Issue.record("the original AUTH was refused")
            return
        }
        var second = try self.server(nonce: ControlAuth.makeNonce())
        guard case .refuse(let line) = second.lineReceived(captured) else {
            Issue.record("a replayed AUTH was accepted")
            return
        }
        #expect(try line.decode(ControlErrorBody.self).code == 401)
    }

    @Test func onlyAuthIsAcceptedBeforeAuthentication() throws {
        for verb in ControlVerb.allCases where verb != .auth && verb != .bye {
            var server = try self.server()
            guard case .refuse(let line) = server.lineReceived(ControlLine(verb, id: "x1", payload: "{}")) else {
                Issue.record("\(verb) was accepted before AUTH")
                continue
            }
            #expect(line.id == "x1")
            #expect(try line.decode(ControlErrorBody.self).code == 401)
        }
        var server = try self.server()
        #expect(server.lineReceived(ControlLine(.bye, id: "-")) == .close)
    }

    @Test func anotherProtocolVersionGets426() throws {
        var server = try self.server()
        let mac = ControlAuth.clientMAC(
            secret: try testSecret(), serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: .agent,
            id: "a")
        let auth = try ControlLine(
            .auth, id: "a1", AuthRequest(protocol: 2, role: .agent, id: "a", nonce: Self.clientNonce, mac: mac))
        guard case .refuse(let line) = server.lineReceived(auth) else {
            Issue.record("protocol 2 was accepted")
            return
        }
        #expect(try line.decode(ControlErrorBody.self).code == 426)
    }

    @Test func malformedLinesCloseBeforeAuthAndAreAnsweredAfter() throws {
        var server = try self.server()
        let error = ControlErrorBody(.malformed, "unknown verb")
        #expect(server.malformedLineReceived(error) == .refuse(.error(id: "-", error)))
        var client = try self.client()
        #expect(client.malformedLineReceived(error) == .fail(error))
        #expect(client.state == .failed)
    }

    @Test func timeoutsRefuseOnlyUnfinishedHandshakes() throws {
        var server = try self.server()
        guard case .refuse = server.authTimedOut() else {
            Issue.record("the server's timeout did nothing")
            return
        }
        var client = try self.client()
        #expect(
            client.authTimedOut()
                == .fail(ControlErrorBody(.timeout, "the server did not complete the handshake in time")))
    }

    @Test func aClientRefusesAServerThatCannotProveTheSecret() throws {
        var impostor = try self.server(try otherSecret())
        var client = try self.client()
        let auth = try self.authLine(&client, impostor)
        let mac = ControlAuth.serverMAC(
            secret: try otherSecret(), serverNonce: Self.serverNonce, clientNonce: Self.clientNonce, role: .agent,
            id: "agent-hz-1")
        // The impostor does not know the secret; it answers OK as if it did.
        _ = impostor.lineReceived(auth)
        let forged = try ControlLine(.ok, id: auth.id, AuthAccepted(mac: mac, heartbeatSeconds: 10))
        #expect(
            client.lineReceived(forged)
                == .fail(ControlErrorBody(.unauthenticated, "the server could not prove the shared secret")))
    }

    @Test func aClientGivesUpOnAnotherVersionOrAnError() throws {
        var client = try self.client()
        let hello = try ControlLine(.hello, id: "-", Hello(protocol: 2, server: "future", nonce: Self.serverNonce))
        guard case .fail(let error) = client.lineReceived(hello) else {
            Issue.record("the client accepted protocol 2")
            return
        }
        #expect(error.code == 426)
        var busy = try self.client()
        let refusal = ControlLine.error(id: "-", ControlErrorBody(.busy, "too many connections"))
        #expect(busy.lineReceived(refusal) == .fail(ControlErrorBody(.busy, "too many connections")))
    }
}
