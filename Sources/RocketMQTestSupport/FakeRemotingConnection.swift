public import NIOCore
public import RocketMQRemoting

/// One client connection accepted by a ``FakeRemotingServer``: a responder answers through it.
public struct FakeRemotingConnection: Sendable {
    let channel: any Channel

    /// Sends a frame (a response built with `RemotingCommand.response(to:…)`, or a server request).
    public func send(_ command: RemotingCommand) {
        self.channel.writeAndFlush(command, promise: nil)
    }

    /// Answers `request` with `code`, `remark`, ext fields and body.
    public func respond(
        to request: RemotingCommand,
        code: ResponseCode = .success,
        remark: String? = nil,
        ext: RemotingExtFields? = nil,
        body: ByteBuffer? = nil
    ) {
        self.send(.response(to: request, code: code, remark: remark, ext: ext, body: body))
    }

    /// Closes the connection.
    public func close() async {
        try? await self.channel.close()
    }
}
