internal import NIOCore
internal import RocketMQRemoting

/// What ``RemotingClient`` writes into a connection's pipeline; ``RemotingClientHandler`` turns it into frames.
enum RemotingClientOutbound {
    /// A request that expects a response within `timeout`; the handler assigns its opaque.
    case request(RemotingCommand, response: EventLoopPromise<RemotingCommand>, timeout: TimeAmount)
    /// A oneway request; the handler assigns its opaque, and the write promise completes it.
    case oneway(RemotingCommand)
    /// A response to a request the server sent us; written as is (it carries the server's opaque).
    case reply(RemotingCommand)
}
