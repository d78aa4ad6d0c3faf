internal import NIOCore
internal import RocketMQRemoting

/// Passes each decoded request of a fake-server connection to the server's responder.
final class FakeRemotingServerHandler: ChannelInboundHandler {
    typealias InboundIn = RemotingCommand
    typealias OutboundOut = RemotingCommand

    private let connection: FakeRemotingConnection
    private let onRequest: (RemotingCommand) -> Void

    init(connection: FakeRemotingConnection, onRequest: @escaping (RemotingCommand) -> Void) {
        self.connection = connection
        self.onRequest = onRequest
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.onRequest(self.unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension FakeRemotingServerHandler: Sendable {}
