import Foundation
import NIOCore
import NIOEmbedded
import Testing

@testable import ControlProtocol

/// Random and mutated lines through the parser and through both sides' sessions never crash, and everything a
/// session writes back is a well-formed line. `FERRY_FUZZ_LINES` sets the count (100,000 by default) and
/// `FERRY_FUZZ_SEED` the seed.
@Suite struct ControlFuzzTests {
    static var count: Int { ProcessInfo.processInfo.environment["FERRY_FUZZ_LINES"].flatMap(Int.init) ?? 100_000 }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["FERRY_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x00F3_4447
    }

    @Test func theParserAcceptsOrRefusesWith400AndRoundTrips() async {
        var fuzzer = LineFuzzer(seed: Self.seed)
        var accepted = 0
        for index in 0..<Self.count {
            if index.isMultiple(of: 500) { await Task.yield() }  // share the cores with the socket suites
            let bytes = fuzzer.line()
            let line: ControlLine
            do {
                line = try ControlLine(parsing: bytes)
            } catch {
                #expect(error.code == ControlErrorCode.malformed.rawValue)
                continue
            }
            accepted += 1
            #expect((try? ControlLine(parsing: line.serialised)) == line)
        }
        print("control fuzz: \(Self.count) lines through the parser, \(accepted) accepted (seed \(Self.seed))")
        #expect(accepted > 0)
    }

    @Test(arguments: [true, false])
    func sessionsSurviveEveryLine(isServer: Bool) throws {
        // Synchronous: an EmbeddedChannel must stay on the thread that made it (an await could move the test).
        var fuzzer = LineFuzzer(seed: Self.seed &+ (isServer ? 1 : 2))
        var authenticated = try Self.authenticatedSession(isServer: isServer)
        var replies = 0
        for index in 0..<Self.count {
            var bytes = fuzzer.line()
            bytes.append(UInt8(ascii: "\n"))
            let session = index.isMultiple(of: 4) ? try Self.freshSession(isServer: isServer) : authenticated
            if session.channel.isActive {
                try session.channel.writeInbound(ByteBuffer(bytes: bytes))
            }
            replies += try session.sent().count  // every reply parses as a line, or this throws
            _ = try session.delivered()
            if !authenticated.channel.isActive { authenticated = try Self.authenticatedSession(isServer: isServer) }
        }
        print(
            "control fuzz: \(Self.count) lines through the \(isServer ? "server" : "client") session, \(replies) replies"
        )
    }

    static func freshSession(isServer: Bool) throws -> EmbeddedSession {
        if isServer {
            let server = try EmbeddedSession.server(secret: try testSecret())
            _ = try server.sent()
            return server
        }
        return try EmbeddedSession.client(secret: try testSecret())
    }

    static func authenticatedSession(isServer: Bool) throws -> EmbeddedSession {
        let server = try EmbeddedSession.server(secret: try testSecret())
        let client = try EmbeddedSession.client(secret: try testSecret())
        try EmbeddedSession.converse(client: client, server: server)
        return isServer ? server : client
    }
}
