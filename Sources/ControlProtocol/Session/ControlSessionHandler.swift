import Logging
import NIOCore

/// Runs one side of a connection: the handshake (through the side's state machine), then heartbeats both ways,
/// `PING`/`PONG`/`BYE` handling and the line limits, handing every other line on as a ``ControlLine``.
///
/// Nothing reaches the next handler before the peer is authenticated. `authenticated` succeeds with the peer
/// once the handshake completes, and fails with a ``ControlErrorBody`` when it does not (refused, timed out,
/// closed).
final class ControlSessionHandler: ChannelDuplexHandler {
    typealias InboundIn = ControlFrame
    typealias InboundOut = ControlLine
    typealias OutboundIn = ControlLine
    typealias OutboundOut = ControlLine

    /// Which side this is.
    enum Side {
        /// A server that greets with its name.
        case server(ServerHandshakeStateMachine, serverName: String)
        /// A client authenticating as a role.
        case client(ClientHandshakeStateMachine, role: ControlRole, id: String)
        /// A server over its connection limit: it answers this error and closes.
        case refusing(ControlErrorBody)
    }

    private var side: Side
    private let limits: ControlLimits
    private let lineLimit: ControlLineLimit
    private let authenticated: EventLoopPromise<ControlPeer>
    private let logger: Logger
    private var started = false
    private var authTimer: Scheduled<Void>?
    private var heartbeat: RepeatedTask?
    private var lastHeard = NIODeadline.uptimeNanoseconds(0)
    private var pingsSent = 0
    /// Whether `authenticated` is completed.
    private var settled = false

    init(
        side: Side, limits: ControlLimits, lineLimit: ControlLineLimit, authenticated: EventLoopPromise<ControlPeer>,
        logger: Logger
    ) {
        self.side = side
        self.limits = limits
        self.lineLimit = lineLimit
        self.authenticated = authenticated
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.start(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.start(context: context)
        context.fireChannelActive()
    }

    /// A channel closed before it ever became active (a refused connect, a server closing a new connection)
    /// never sees `channelInactive`: the authentication promise is failed here so it is never leaked.
    func handlerRemoved(context: ChannelHandlerContext) {
        self.stopTimers()
        self.fail(ControlErrorBody(.unavailable, "the connection closed"))
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.stopTimers()
        self.fail(ControlErrorBody(.unavailable, "the connection closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("control connection error", metadata: ["error": "\(error)"])
        self.fail(error)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.lastHeard = context.eventLoop.now
        switch self.unwrapInboundIn(data) {
        case .tooLong(let limit):
            let error = ControlErrorBody(.lineTooLong, "a line is longer than \(limit) bytes")
            self.logger.debug("control line too long", metadata: ["control.limit": "\(limit)"])
            self.refuse(context: context, with: .error(id: ControlLine.noId, error), error)
        case .line(let bytes):
            do {
                let line = try ControlLine(parsing: bytes.readableBytesView)
                self.lineReceived(line, context: context)
            } catch {
                self.malformedLineReceived(error, context: context)
            }
        }
    }

    private func start(context: ChannelHandlerContext) {
        guard !self.started else { return }
        self.started = true
        self.lastHeard = context.eventLoop.now
        switch self.side {
        case .refusing(let error):
            self.refuse(context: context, with: .error(id: ControlLine.noId, error), error)
            return
        case .server(let machine, let serverName):
            context.writeAndFlush(self.wrapOutboundOut(machine.greeting(serverName: serverName)), promise: nil)
        case .client:
            break
        }
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        self.authTimer = context.eventLoop.scheduleTask(in: TimeAmount(self.limits.authTimeout)) {
            bound.value.handler.authTimedOut(context: bound.value.context)
        }
    }

    private func lineReceived(_ line: ControlLine, context: ChannelHandlerContext) {
        switch self.side {
        case .refusing:
            return
        case .server(var machine, let name):
            let action = machine.lineReceived(line)
            self.side = .server(machine, serverName: name)
            self.run(action, context: context)
        case .client(var machine, let role, let id):
            let action = machine.lineReceived(line)
            self.side = .client(machine, role: role, id: id)
            self.run(action, context: context)
        }
    }

    private func malformedLineReceived(_ error: ControlErrorBody, context: ChannelHandlerContext) {
        switch self.side {
        case .refusing:
            return
        case .server(var machine, let name):
            let action = machine.malformedLineReceived(error)
            self.side = .server(machine, serverName: name)
            self.run(action, context: context)
        case .client(var machine, let role, let id):
            let action = machine.malformedLineReceived(error)
            self.side = .client(machine, role: role, id: id)
            self.run(action, context: context)
        }
    }

    private func authTimedOut(context: ChannelHandlerContext) {
        switch self.side {
        case .refusing:
            return
        case .server(var machine, let name):
            let action = machine.authTimedOut()
            self.side = .server(machine, serverName: name)
            self.run(action, context: context)
        case .client(var machine, let role, let id):
            let action = machine.authTimedOut()
            self.side = .client(machine, role: role, id: id)
            self.run(action, context: context)
        }
    }

    private func run(_ action: ServerHandshakeStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .accept(let role, let id, let reply):
            context.writeAndFlush(self.wrapOutboundOut(reply), promise: nil)
            self.authenticate(
                ControlPeer(role: role, id: id, remoteAddress: Self.describe(context.channel.remoteAddress)),
                heartbeatSeconds: self.limits.heartbeatSeconds, context: context)
        case .refuse(let line):
            let error = (try? line.decode(ControlErrorBody.self)) ?? ControlErrorBody(.unauthenticated, "refused")
            self.logger.debug("control connection refused", metadata: ["control.error": "\(error.code)"])
            self.refuse(context: context, with: line, error)
        case .reply(let line):
            context.writeAndFlush(self.wrapOutboundOut(line), promise: nil)
        case .close:
            self.fail(ControlErrorBody(.unavailable, "the client said BYE"))
            context.close(promise: nil)
        case .deliver(let line):
            self.deliver(line, context: context)
        case .ignore:
            break
        }
    }

    private func run(_ action: ClientHandshakeStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .send(let line):
            context.writeAndFlush(self.wrapOutboundOut(line), promise: nil)
        case .authenticated(let heartbeatSeconds):
            guard case .client(_, let role, let id) = self.side else { return }
            self.authenticate(
                ControlPeer(role: role, id: id, remoteAddress: Self.describe(context.channel.remoteAddress)),
                heartbeatSeconds: heartbeatSeconds, context: context)
        case .fail(let error):
            self.logger.debug("control handshake failed", metadata: ["control.error": "\(error.code)"])
            self.stopTimers()
            self.fail(error)
            context.close(promise: nil)
        case .deliver(let line):
            self.deliver(line, context: context)
        case .ignore:
            break
        }
    }

    private func authenticate(_ peer: ControlPeer, heartbeatSeconds: Int, context: ChannelHandlerContext) {
        self.authTimer?.cancel()
        self.authTimer = nil
        self.lineLimit.set(self.limits.maxLineBytes)
        let interval = TimeAmount.seconds(Int64(heartbeatSeconds))
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        self.heartbeat = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            bound.value.handler.heartbeatFired(interval: interval, context: bound.value.context)
        }
        self.logger.debug(
            "control peer authenticated",
            metadata: ["control.role": "\(peer.role.rawValue)", "control.peer": "\(peer.id)"])
        guard !self.settled else { return }
        self.settled = true
        self.authenticated.succeed(peer)
    }

    /// Heartbeat verbs are answered here; `BYE` closes; everything else goes on.
    private func deliver(_ line: ControlLine, context: ChannelHandlerContext) {
        switch line.verb {
        case .ping:
            context.writeAndFlush(self.wrapOutboundOut(ControlLine(.pong, id: line.id)), promise: nil)
        case .pong:
            break
        case .bye:
            context.close(promise: nil)
        case .hello, .auth:
            let error = ControlErrorBody(.malformed, "already authenticated")
            context.writeAndFlush(self.wrapOutboundOut(.error(id: line.id, error)), promise: nil)
        default:
            context.fireChannelRead(self.wrapInboundOut(line))
        }
    }

    private func heartbeatFired(interval: TimeAmount, context: ChannelHandlerContext) {
        let silence = context.eventLoop.now - self.lastHeard
        guard silence < interval * 3 else {
            self.logger.debug(
                "control peer silent, dropping it",
                metadata: ["control.silentMillis": "\(silence.nanoseconds / 1_000_000)"])
            self.stopTimers()
            context.close(promise: nil)
            return
        }
        self.pingsSent += 1
        context.writeAndFlush(self.wrapOutboundOut(ControlLine(.ping, id: "hb-\(self.pingsSent)")), promise: nil)
    }

    private func refuse(context: ChannelHandlerContext, with line: ControlLine, _ error: ControlErrorBody) {
        self.stopTimers()
        self.fail(error)
        let channel = context.channel
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
        context.writeAndFlush(self.wrapOutboundOut(line), promise: written)
    }

    /// Fails `authenticated` unless it is already settled.
    private func fail(_ error: any Error) {
        guard !self.settled else { return }
        self.settled = true
        self.authenticated.fail(error)
    }

    private func stopTimers() {
        self.authTimer?.cancel()
        self.authTimer = nil
        self.heartbeat?.cancel()
        self.heartbeat = nil
    }

    static func describe(_ address: SocketAddress?) -> String {
        "\(address?.ipAddress ?? "0.0.0.0"):\(address?.port ?? 0)"
    }
}

@available(*, unavailable)
extension ControlSessionHandler: Sendable {}
