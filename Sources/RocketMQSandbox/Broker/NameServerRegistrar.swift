import NIOCore
import NIOPosix
import RocketMQRemoting

/// Sends REGISTER_BROKER to a NameServer over a real connection, as `BrokerOuterAPI.registerBrokerAll` does:
/// the `RegisterBrokerRequestHeader` ext fields and a `RegisterBrokerBody` whose CRC goes in `bodyCrc32`.
struct NameServerRegistrar: Sendable {
    /// `"127.0.0.1:9876"`.
    var nameServerAddr: String
    var timeout: Duration = .seconds(6)

    /// Registers `topics` for the broker; returns the NameServer's response.
    func register(configuration: BrokerConfiguration, topics: TopicConfigSerializeWrapper, opaque: Int32) async throws
        -> RemotingCommand
    {
        let body = RegisterBrokerBody(topicConfigSerializeWrapper: topics).json.body()
        let host = String(configuration.brokerAddr.split(separator: ":").first ?? "127.0.0.1")
        let ext: RemotingExtFields = [
            "brokerId": "0", "bodyCrc32": String(CRC32.rocketMQ(body.readableBytesView)),
            "clusterName": configuration.clusterName, "brokerAddr": configuration.brokerAddr,
            "haServerAddr": "\(host):\(configuration.listenPort + 1)", "compressed": "false",
            "brokerName": configuration.brokerName,
        ]
        return try await self.send(.request(code: .registerBroker, ext: ext, body: body, opaque: opaque))
    }

    /// Sends UNREGISTER_BROKER (on shutdown).
    func unregister(configuration: BrokerConfiguration, opaque: Int32) async throws {
        let ext: RemotingExtFields = [
            "brokerName": configuration.brokerName, "brokerAddr": configuration.brokerAddr,
            "clusterName": configuration.clusterName, "brokerId": "0",
        ]
        _ = try await self.send(.request(code: .unregisterBroker, ext: ext, opaque: opaque))
    }

    private func send(_ request: RemotingCommand) async throws -> RemotingCommand {
        let parts = self.nameServerAddr.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw SandboxError(.invalidAddress, self.nameServerAddr) }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(3))
            .connect(host: String(parts[0]), port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RemotingFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(RemotingFrameEncoder()))
                    return try NIOAsyncChannel<RemotingCommand, RemotingCommand>(wrappingChannelSynchronously: channel)
                }
            }
        let timeout = self.timeout
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(request)
            return try await withThrowingTaskGroup(of: RemotingCommand.self) { group in
                group.addTask {
                    for try await response in inbound where response.opaque == request.opaque { return response }
                    throw SandboxError(.connectionClosed, "the NameServer closed the connection")
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw SandboxError(.timeout, "REGISTER_BROKER got no answer in time")
                }
                let response = try await group.next()!
                group.cancelAll()
                return response
            }
        }
    }
}
