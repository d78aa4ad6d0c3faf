public import NIOCore
public import RocketMQRemoting

/// One accepted client connection: its id, peer address and the writer for responses and pushes.
public struct RemotingConnection: Sendable {
    /// Unique per server for its lifetime.
    public let id: Int
    /// `"127.0.0.1:41672"`.
    public let remoteAddress: String
    /// The underlying channel (its `isActive` tells whether the peer is still there).
    public let channel: any Channel
    let outbound: NIOAsyncChannelOutboundWriter<RemotingCommand>

    /// Writes `command`; a failure (peer gone) is ignored: the connection's own loop notices the close.
    public func send(_ command: RemotingCommand) async {
        try? await self.outbound.write(command)
    }
}
