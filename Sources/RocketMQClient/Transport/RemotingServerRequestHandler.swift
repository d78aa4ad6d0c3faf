public import RocketMQRemoting

/// Receives requests a server initiates on a client connection (NOTIFY_CONSUMER_IDS_CHANGED,
/// CHECK_TRANSACTION_STATE, RESET_CONSUMER_CLIENT_OFFSET…), with the server's address.
///
/// Return a response (built with `RemotingCommand.response(to:code:…)`) to answer a two-way request;
/// return nil to send nothing. Responses to oneway requests are never sent.
public typealias RemotingServerRequestHandler =
    @Sendable (_ request: RemotingCommand, _ address: String) async -> RemotingCommand?
