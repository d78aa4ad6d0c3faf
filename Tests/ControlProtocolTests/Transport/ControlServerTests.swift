import Foundation
import InMemoryLogging
import NIOCore
import Testing

@testable import ControlProtocol

/// ``ControlServer`` and ``ControlClient`` over real sockets.
@Suite(.timeLimit(.minutes(2))) struct ControlServerTests {
    @Test func aClientAuthenticatesAndLinesFlowBothWays() async throws {
        let seen = Recorded<[ControlPeer]>([])
        try await withControlServer(handle: { channel in
            seen.update { $0.append(channel.peer) }
            try? await channel.send(ControlLine(.cmd, id: "c-1", payload: #"{"action":"hooks.reload"}"#))
            await answerEveryLine(channel)
        }) { server in
            let channel = try await ControlClient.connect(
                try clientConfiguration(port: server.port), logger: quietLogger)
            var lines = channel.inbound.makeAsyncIterator()
            #expect(try await lines.next() == ControlLine(.cmd, id: "c-1", payload: #"{"action":"hooks.reload"}"#))
            try await channel.send(ControlLine(.state, id: "s1", payload: "{}"))
            #expect(try await lines.next() == ControlLine(.ok, id: "s1"))
            #expect(channel.peer.role == .agent && channel.peer.remoteAddress == "127.0.0.1:\(server.port)")
            await channel.close()
        }
        #expect(seen.value.map(\.id) == ["agent-hz-1"])
    }

    @Test func aWrongSecretIsRefused() async throws {
        try await withControlServer(handle: answerEveryLine) { server in
            let configuration = try clientConfiguration(port: server.port, secret: try otherSecret())
            await #expect(throws: ControlErrorBody(.unauthenticated, "authentication failed")) {
                _ = try await ControlClient.connect(configuration, logger: quietLogger)
            }
        }
    }

    @Test func unauthenticatedLinesAreRefusedOverTheWire() async throws {
        try await withControlServer(handle: answerEveryLine) { server in
            try await RawLineConnection.with(port: server.port) { connection in
                #expect(try await connection.next()?.verb == .hello)
                try await connection.send(#"REQ r1 {"action":"agents"}"#)
                let refusal = try #require(try await connection.next())
                #expect(
                    refusal.serialised == #"ERR r1 {"code":401,"message":"authenticate first: only AUTH is accepted"}"#)
                #expect(try await connection.next() == nil)
            }
        }
    }

    @Test func anAuthLineReplayedOnANewConnectionIsRefused() async throws {
        try await withControlServer(handle: answerEveryLine) { server in
            let captured = try await RawLineConnection.with(port: server.port) { connection in
                let auth = try await connection.authenticate(id: "agent-hz-1", secret: try testSecret())
                #expect(try await connection.next()?.verb == .ok)
                return auth
            }
            try await RawLineConnection.with(port: server.port) { connection in
                #expect(try await connection.next()?.verb == .hello)
                try await connection.send(captured)
                #expect(
                    try await connection.next()?.serialised == #"ERR a1 {"code":401,"message":"authentication failed"}"#
                )
                #expect(try await connection.next() == nil)
            }
        }
    }

    @Test func aSilentPeerIsDroppedAfterThreeHeartbeats() async throws {
        var limits = ControlLimits()
        limits.heartbeatSeconds = 1
        try await withControlServer(limits: limits, handle: answerEveryLine) { server in
            try await RawLineConnection.with(port: server.port) { connection in
                _ = try await connection.authenticate(id: "agent-hz-1", secret: try testSecret())
                #expect(try await connection.next()?.verb == .ok)
                let start = ContinuousClock.now
                var pings = 0
                // Counted in pings, not wall-clock time: a busy machine delays the reader, not the server's
                // heartbeat timer, so a peer that is never dropped shows as more pings.
                while let line = try await connection.next() {
                    #expect(line.verb == .ping)
                    pings += 1
                    if pings > 6 { break }
                }
                let silent = ContinuousClock.now - start
                #expect((2...4).contains(pings), "dropped after three missed heartbeats, not \(pings) pings")
                #expect(silent >= .seconds(2.5))
            }
        }
    }

    @Test func aConnectionOverTheLimitGets429() async throws {
        var limits = ControlLimits()
        limits.maxConnections = 1
        try await withControlServer(limits: limits, handle: answerEveryLine) { server in
            let first = try await ControlClient.connect(try clientConfiguration(port: server.port), logger: quietLogger)
            await #expect(throws: ControlErrorBody(.busy, "too many connections (1); try again later")) {
                _ = try await ControlClient.connect(
                    try clientConfiguration(port: server.port, id: "agent-2"), logger: quietLogger)
            }
            await first.close()
        }
    }

    @Test func noSecretReachesALogLineOrAnErrorText() async throws {
        let (serverLogger, serverLogs) = recordingLogger("test.server")
        let (clientLogger, clientLogs) = recordingLogger("test.client")
        var errors: [String] = []
        try await withControlServer(logger: serverLogger, handle: answerEveryLine) { server in
            let channel = try await ControlClient.connect(
                try clientConfiguration(port: server.port), logger: clientLogger)
            await channel.close()
            do {
                _ = try await ControlClient.connect(
                    try clientConfiguration(port: server.port, secret: try otherSecret()), logger: clientLogger)
            } catch {
                errors.append("\(error)")
            }
        }
        let secretHex = ControlAuth.hex(Array(testSecretText.utf8))
        let text = recordedText(serverLogs) + recordedText(clientLogs) + errors
        #expect(!serverLogs.entries.isEmpty && !errors.isEmpty)
        for line in text {
            #expect(!line.contains("horse battery"), "\(line)")
            #expect(!line.contains(secretHex), "\(line)")
        }
    }
}
