public import MigrationEngine
public import MigrationStore
public import RocketMQClient
import RocketMQRemoting

/// Who has moved to the proxy, per topic: the clients the source brokers list for the topic's consumer groups
/// (GET_CONSUMER_CONNECTION_LIST) and the given producer groups (GET_PRODUCER_CONNECTION_LIST), each marked
/// by whether its host asked the proxy for the topic's route. What `ferry migrate clients` prints.
///
/// Limitation: a broker lists producers only by producer group, and the 4.9.8 broker offers no list of all
/// producers that the sandbox implements (GET_ALL_PRODUCER_INFO, 328), so producers are shown only for the
/// producer groups the operator names. Hosts, not ports, are compared: clients sharing a host count together.
public struct ClientMoveReport: Sendable, Codable, Equatable {
    /// A host that asked the proxy for a topic's route.
    public struct ProxyHost: Sendable, Codable, Equatable {
        /// The client's host (IP).
        public var host: String
        /// `ip:port` of its last query.
        public var lastAddress: String
        /// Last query, milliseconds since the epoch.
        public var lastSeenMillis: Int64
        /// Queries counted.
        public var queries: Int64
    }

    /// A client the source cluster's brokers list.
    public struct SourceClient: Sendable, Codable, Equatable {
        /// `producer` or `consumer`.
        public var role: String
        /// Its producer or consumer group.
        public var group: String
        /// RocketMQ's `clientId` (`ip@instance`).
        public var clientId: String
        /// RocketMQ's `clientAddr` (`ip:port` of its broker connection).
        public var clientAddr: String
        /// Whether its host asked the proxy for this topic's route.
        public var onProxy: Bool
    }

    /// One topic of the task.
    public struct Topic: Sendable, Codable, Equatable {
        /// The topic name.
        public var topic: String
        /// Its committed stage.
        public var stage: MigrationStage
        /// Hosts that asked the proxy for its route.
        public var proxyHosts: [ProxyHost]
        /// Clients connected to the source for it.
        public var sourceClients: [SourceClient]
        /// Source clients whose host never asked the proxy.
        public var notMoved: Int
    }

    /// The task.
    public var task: String
    /// The proxy's last written health, if a proxy ever ran for the task.
    public var proxy: ProxyHealthRecord?
    /// Per topic, in the task's order.
    public var topics: [Topic]
    /// What could not be read (a group without a broker, an unreachable source).
    public var warnings: [String]

    /// Builds the report from the proxy's access records and the source cluster's connection lists.
    public static func build(
        task: MigrationTask, accesses: [ProxyAccessRecord], health: ProxyHealthRecord?, source: RocketMQAdmin,
        producerGroups: [String]
    ) async -> ClientMoveReport {
        var warnings: [String] = []
        var topics: [Topic] = []
        for topic in task.topics {
            let hosts = accesses.filter { $0.topic == topic.name }.map {
                ProxyHost(host: $0.host, lastAddress: $0.lastAddress, lastSeenMillis: $0.lastSeenMillis, queries: $0.queries)
            }
            let onProxy = Set(hosts.map(\.host))
            var clients: [SourceClient] = []
            let brokers: [String]
            do {
                brokers = try await source.topicRoute(topic.name).brokerDatas.compactMap(\.masterAddress).sorted()
            } catch {
                warnings.append("\(topic.name): cannot read the source route: \(error)")
                brokers = []
            }
            for group in topic.groups {
                let connections = await Self.mergedConnections(brokers) { try await source.consumerConnection(group: group, broker: $0).connectionSet }
                clients += (connections ?? []).map { Self.client("consumer", group, $0, onProxy) }
            }
            for group in producerGroups {
                let connections = await Self.mergedConnections(brokers) { try await source.producerConnection(group: group, broker: $0).connectionSet }
                clients += (connections ?? []).map { Self.client("producer", group, $0, onProxy) }
            }
            clients.sort { ($0.role, $0.group, $0.clientId) < ($1.role, $1.group, $1.clientId) }
            topics.append(
                Topic(
                    topic: topic.name, stage: topic.stage, proxyHosts: hosts, sourceClients: clients,
                    notMoved: clients.filter { !$0.onProxy }.count))
        }
        return ClientMoveReport(task: task.name, proxy: health, topics: topics, warnings: warnings)
    }

    /// Every broker's list merged by client id (a broker that knows none of the group's clients answers
    /// CONSUMER_NOT_ONLINE and is skipped); nil when no broker answered.
    private static func mergedConnections(
        _ brokers: [String], _ body: (String) async throws -> [Connection]
    ) async -> [Connection]? {
        var merged: [Connection]?
        for broker in brokers {
            guard let connections = try? await body(broker) else { continue }
            merged = (merged ?? []) + connections.filter { connection in
                !(merged ?? []).contains { $0.clientId == connection.clientId }
            }
        }
        return merged
    }

    private static func client(_ role: String, _ group: String, _ connection: Connection, _ onProxy: Set<String>)
        -> SourceClient
    {
        SourceClient(
            role: role, group: group, clientId: connection.clientId, clientAddr: connection.clientAddr,
            onProxy: onProxy.contains(ClientAccessTracker.host(of: connection.clientAddr)))
    }
}
