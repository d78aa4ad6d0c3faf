import NIOCore
import RocketMQRemoting

/// Answers requests that a ``RemotingFastPath`` knows on the event loop and passes the rest on.
final class RemotingFastPathHandler: ChannelInboundHandler {
    typealias InboundIn = RemotingCommand
    typealias InboundOut = RemotingCommand
    typealias OutboundOut = RemotingCommand

    private let fastPath: any RemotingFastPath
    private var remoteAddress = "0.0.0.0:0"

    init(_ fastPath: any RemotingFastPath) {
        self.fastPath = fastPath
    }

    func channelActive(context: ChannelHandlerContext) {
        self.remoteAddress = RemotingServer.describe(context.channel.remoteAddress)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let request = Self.unwrapInboundIn(data)
        if !request.isResponse, let response = self.fastPath.answer(request, remoteAddress: self.remoteAddress) {
            context.writeAndFlush(Self.wrapOutboundOut(response), promise: nil)
            return
        }
        context.fireChannelRead(data)
    }
}

@available(*, unavailable)
extension RemotingFastPathHandler: Sendable {}
