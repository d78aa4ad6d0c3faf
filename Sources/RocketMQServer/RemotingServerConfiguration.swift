/// Limits a ``RemotingServer`` applies to every connection.
public struct RemotingServerConfiguration: Sendable {
    /// The largest frame accepted (RocketMQ's `NettyDecoder` default: 16 MiB); a larger one closes the connection.
    public var maxFrameLength: Int
    /// Requests of one connection handled at once; past it a request is answered `SYSTEM_BUSY` at once, as
    /// RocketMQ's `NettyRemotingAbstract` does when a processor's queue rejects it.
    public var maxInFlightPerConnection: Int

    /// - Parameters:
    ///   - maxFrameLength: clamped to 1 KiB ... 16 MiB.
    ///   - maxInFlightPerConnection: clamped to 1 ... 65,536.
    public init(maxFrameLength: Int = 16 * 1024 * 1024, maxInFlightPerConnection: Int = 1024) {
        self.maxFrameLength = min(max(maxFrameLength, 1024), 16 * 1024 * 1024)
        self.maxInFlightPerConnection = min(max(maxInFlightPerConnection, 1), 65_536)
    }
}
