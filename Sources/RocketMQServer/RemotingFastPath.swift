public import RocketMQRemoting

/// Requests a server answers on the connection's event loop, without a task per request.
///
/// ``answer(_:remoteAddress:)`` runs on an event-loop thread: it must be a bounded lookup (a lock held for a
/// dictionary read at most), never I/O or a wait. Returning `nil` hands the request to the
/// ``RemotingRequestHandler`` as usual.
public protocol RemotingFastPath: Sendable {
    /// The response to `request`, or `nil` to let the async handler take it.
    func answer(_ request: RemotingCommand, remoteAddress: String) -> RemotingCommand?
}
