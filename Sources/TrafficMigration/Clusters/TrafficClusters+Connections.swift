public import Logging
public import RocketMQClient

extension TrafficClusters {
    /// Admin connections to a task's two clusters for the duration of `body`, closed after it (also when it
    /// throws). Short timeouts by default: a status must say "unreachable" soon rather than hang.
    /// - Parameters:
    ///   - source: the source cluster's NameServers (`host:port`).
    ///   - target: the target cluster's NameServers.
    ///   - sourceCredentials: the ACL keys requests to the source are signed with, if its brokers check ACL.
    ///   - targetCredentials: the same for the target.
    public static func with<T>(
        source: [String], target: [String], sourceCredentials: AclCredentials? = nil,
        targetCredentials: AclCredentials? = nil, timeout: Duration = .seconds(3),
        logger: Logger = Logger(label: "ferry.migrate") { _ in SwiftLogNoOpLogHandler() },
        _ body: (TrafficClusters) async throws -> T
    ) async throws -> T {
        var configuration = RemotingClientConfiguration()
        configuration.requestTimeout = timeout
        configuration.credentials = sourceCredentials
        let sourceClient = RemotingClient(configuration: configuration, logger: logger)
        configuration.credentials = targetCredentials
        let targetClient = RemotingClient(configuration: configuration, logger: logger)
        let clusters = TrafficClusters(
            source: RocketMQTrafficClusterReader(
                admin: RocketMQAdmin(client: sourceClient, nameServers: source, timeout: timeout)),
            target: RocketMQTrafficClusterReader(
                admin: RocketMQAdmin(client: targetClient, nameServers: target, timeout: timeout)))
        do {
            let result = try await body(clusters)
            await sourceClient.shutdown()
            await targetClient.shutdown()
            return result
        } catch {
            await sourceClient.shutdown()
            await targetClient.shutdown()
            throw error
        }
    }
}
