import Logging
import NIOCore
import NIOSSL

/// The handlers of a control connection, in order: TLS (optional), back-pressure, the line codec, the session.
enum ControlPipeline {
    /// Adds the handlers to a new channel and returns the future of its authentication.
    static func configure(
        _ channel: any Channel, side: ControlSessionHandler.Side, tls: NIOSSLContext?, serverHostname: String?,
        isServer: Bool, limits: ControlLimits, logger: Logger
    ) throws -> EventLoopFuture<ControlPeer> {
        let pipeline = channel.pipeline.syncOperations
        if let tls {
            if isServer {
                try pipeline.addHandler(NIOSSLServerHandler(context: tls))
            } else {
                try pipeline.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverHostname))
            }
        }
        let lineLimit = ControlLineLimit(bytes: limits.maxPreAuthLineBytes)
        let authenticated = channel.eventLoop.makePromise(of: ControlPeer.self)
        try pipeline.addHandler(BackPressureHandler())
        try pipeline.addHandler(ByteToMessageHandler(ControlLineDecoder(limit: lineLimit)))
        try pipeline.addHandler(MessageToByteHandler(ControlLineEncoder()))
        try pipeline.addHandler(
            ControlSessionHandler(
                side: side, limits: limits, lineLimit: lineLimit, authenticated: authenticated, logger: logger))
        return authenticated.futureResult
    }
}
