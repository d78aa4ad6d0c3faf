public import NIOCore

/// Writes each outbound ``RemotingCommand`` as one frame (use with `MessageToByteHandler`).
public struct RemotingFrameEncoder: MessageToByteEncoder {
    /// Commands to send.
    public typealias OutboundIn = RemotingCommand

    /// Creates an encoder.
    public init() {}

    /// Appends `data` as a frame; see ``RemotingCommand/encodeFrame(into:)``.
    public func encode(data: RemotingCommand, out: inout ByteBuffer) throws {
        try data.encodeFrame(into: &out)
    }
}
