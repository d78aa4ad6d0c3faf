import NIOCore
import RocketMQRemoting

/// One accepted client connection: its id, peer address and the writer for responses and pushes.
struct SandboxConnection: Sendable {
    let id: Int
    /// `"127.0.0.1:41672"`.
    let remoteAddress: String
    let channel: any Channel
    let outbound: NIOAsyncChannelOutboundWriter<RemotingCommand>

    /// Writes `command`; a failure (peer gone) is ignored: the connection's own loop notices the close.
    func send(_ command: RemotingCommand) async {
        try? await self.outbound.write(command)
    }
}
