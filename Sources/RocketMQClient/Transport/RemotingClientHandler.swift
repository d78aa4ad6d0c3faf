internal import Logging
internal import NIOCore
internal import RocketMQRemoting

/// Correlates requests with responses on one connection (RocketMQ's `opaque`), times requests out,
/// fails every pending request when the connection closes, and hands server-initiated requests on.
///
/// It only translates channel events into ``RequestCorrelationStateMachine`` calls and runs the actions.
final class RemotingClientHandler: ChannelDuplexHandler {
    typealias InboundIn = RemotingCommand
    typealias OutboundIn = RemotingClientOutbound
    typealias OutboundOut = RemotingCommand

    /// A request waiting for its response.
    struct Pending {
        var promise: EventLoopPromise<RemotingCommand>
        var timer: Scheduled<Void>
        var requestCode: Int
    }

    private var state = RequestCorrelationStateMachine<Pending>()
    private let address: String
    private let logger: Logger
    private let serverRequestHandler: RemotingServerRequestHandler?

    init(address: String, logger: Logger, serverRequestHandler: RemotingServerRequestHandler?) {
        self.address = address
        self.logger = logger
        self.serverRequestHandler = serverRequestHandler
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch self.unwrapOutboundIn(data) {
        case .reply(let command):
            context.write(self.wrapOutboundOut(command), promise: promise)
        case .oneway(var command):
            command.opaque = self.state.nextOpaque()
            context.write(self.wrapOutboundOut(command), promise: promise)
        case .request(var command, let response, let timeout):
            let opaque = self.state.nextOpaque()
            command.opaque = opaque
            let requestCode = command.code
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            let timer = context.eventLoop.scheduleTask(in: timeout) {
                loopBound.value.timeoutFired(opaque: opaque, requestCode: requestCode, timeout: timeout)
            }
            let pending = Pending(promise: response, timer: timer, requestCode: requestCode)
            switch self.state.requestSent(opaque: opaque, pending: pending) {
            case .write:
                response.futureResult.whenFailure { error in
                    if error is CancellationError { loopBound.value.requestCancelled(opaque: opaque) }
                }
                let writePromise = context.eventLoop.makePromise(of: Void.self)
                writePromise.futureResult.whenFailure { error in
                    loopBound.value.writeFailed(opaque: opaque, requestCode: requestCode, error: error)
                }
                writePromise.futureResult.cascade(to: promise)
                context.write(self.wrapOutboundOut(command), promise: writePromise)
            case .fail(let pending, let error):
                self.fail(pending, error)
                promise?.fail(error)
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let command = self.unwrapInboundIn(data)
        guard command.isResponse else {
            self.serverRequestReceived(command, context: context)
            return
        }
        switch self.state.responseReceived(opaque: command.opaque) {
        case .succeed(let pending):
            pending.timer.cancel()
            pending.promise.succeed(command)
        case .ignore:
            self.logger.debug(
                "remoting.response.unmatched",
                metadata: ["broker.addr": "\(self.address)", "remoting.opaque": "\(command.opaque)"]
            )
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug(
            "remoting.connection.error",
            metadata: ["broker.addr": "\(self.address)", "error": "\(error)"]
        )
        self.closed(
            RocketMQClientError(
                .connectionClosed,
                "connection failed",
                address: self.address,
                underlying: error
            )
        )
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.closed(RocketMQClientError(.connectionClosed, "connection closed", address: self.address))
        context.fireChannelInactive()
    }

    private func closed(_ error: RocketMQClientError) {
        switch self.state.connectionClosed(error: error) {
        case .failAll(let pendings, let error):
            for pending in pendings { self.fail(pending, error) }
        case .none:
            break
        }
    }

    private func timeoutFired(opaque: Int32, requestCode: Int, timeout: TimeAmount) {
        let error = RocketMQClientError(
            .timeout,
            "no response within \(timeout.nanoseconds / 1_000_000) ms",
            requestCode: requestCode,
            address: self.address
        )
        if case .fail(let pending, let error) = self.state.timeoutFired(opaque: opaque, error: error) {
            self.fail(pending, error)
        }
    }

    private func requestCancelled(opaque: Int32) {
        self.state.requestCancelled(opaque: opaque)?.timer.cancel()
    }

    private func writeFailed(opaque: Int32, requestCode: Int, error: any Error) {
        let error = RocketMQClientError(
            .connectionClosed,
            "writing the request failed",
            requestCode: requestCode,
            address: self.address,
            underlying: error
        )
        if case .fail(let pending, let error) = self.state.writeFailed(opaque: opaque, error: error) {
            self.fail(pending, error)
        }
    }

    private func fail(_ pending: Pending, _ error: RocketMQClientError) {
        pending.timer.cancel()
        var error = error
        error.requestCode = pending.requestCode
        pending.promise.fail(error)
    }

    private func serverRequestReceived(_ command: RemotingCommand, context: ChannelHandlerContext) {
        guard let handler = self.serverRequestHandler else {
            self.logger.debug(
                "remoting.server-request.ignored",
                metadata: ["broker.addr": "\(self.address)", "remoting.code": "\(command.code)"]
            )
            return
        }
        let channel = context.channel
        let address = self.address
        Task {
            guard let response = await handler(command, address), !command.isOneway else { return }
            var reply = response
            reply.opaque = command.opaque
            reply.isResponse = true
            channel.writeAndFlush(RemotingClientOutbound.reply(reply), promise: nil)
        }
    }
}

@available(*, unavailable)
extension RemotingClientHandler: Sendable {}
