import Logging
import NIOCore
import NIOEmbedded

@testable import ControlProtocol

/// One side of a control connection on an `EmbeddedChannel`, driven line by line (virtual time).
struct EmbeddedSession {
    let channel: EmbeddedChannel
    let authenticated: EventLoopFuture<ControlPeer>

    /// A server greeting with `nonce`.
    static func server(
        nonce: String = ControlAuth.makeNonce(), secret: ControlSecret, limits: ControlLimits = ControlLimits(),
        logger: Logger = quietLogger
    ) throws -> EmbeddedSession {
        let machine = ServerHandshakeStateMachine(
            serverNonce: nonce, secret: secret, heartbeatSeconds: limits.heartbeatSeconds)
        return try Self.make(side: .server(machine, serverName: "test"), isServer: true, limits: limits, logger: logger)
    }

    /// A client authenticating as `role`/`id`.
    static func client(
        role: ControlRole = .agent, id: String = "agent-hz-1", secret: ControlSecret,
        limits: ControlLimits = ControlLimits(), logger: Logger = quietLogger
    ) throws -> EmbeddedSession {
        let machine = ClientHandshakeStateMachine(
            role: role, id: id, secret: secret, clientNonce: ControlAuth.makeNonce())
        return try Self.make(
            side: .client(machine, role: role, id: id), isServer: false, limits: limits, logger: logger)
    }

    private static func make(
        side: ControlSessionHandler.Side, isServer: Bool, limits: ControlLimits, logger: Logger
    ) throws -> EmbeddedSession {
        let channel = EmbeddedChannel()
        let authenticated = try ControlPipeline.configure(
            channel, side: side, tls: nil, serverHostname: nil, isServer: isServer, limits: limits, logger: logger)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7900)).wait()
        return EmbeddedSession(channel: channel, authenticated: authenticated)
    }

    /// Feeds one line (an LF is added).
    func receive(_ text: String) throws {
        guard self.channel.isActive else { return }
        try self.channel.writeInbound(ByteBuffer(string: text + "\n"))
    }

    /// Feeds one line.
    func receive(_ line: ControlLine) throws {
        try self.receive(line.serialised)
    }

    /// Every line this side wrote since the last call.
    func sent() throws -> [ControlLine] {
        var lines: [ControlLine] = []
        while let buffer = try self.channel.readOutbound(as: ByteBuffer.self) {
            for text in String(buffer: buffer).split(separator: "\n") {
                lines.append(try ControlLine(parsing: text))
            }
        }
        return lines
    }

    /// The lines handed on to the application.
    func delivered() throws -> [ControlLine] {
        var lines: [ControlLine] = []
        while let line = try self.channel.readInbound(as: ControlLine.self) { lines.append(line) }
        return lines
    }

    /// Shuttles lines between a client and a server until neither has anything to say.
    static func converse(client: EmbeddedSession, server: EmbeddedSession) throws {
        var quiet = false
        while !quiet {
            let fromServer = try server.sent()
            let fromClient = try client.sent()
            for line in fromServer { try client.receive(line) }
            for line in fromClient { try server.receive(line) }
            quiet = fromServer.isEmpty && fromClient.isEmpty
        }
    }
}
