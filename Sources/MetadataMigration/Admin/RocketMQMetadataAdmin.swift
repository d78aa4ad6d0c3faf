import Foundation
public import Logging
public import MigrationEngine
public import RocketMQClient
import RocketMQRemoting

/// ``MetadataClusterAdmin`` over the RocketMQ remoting protocol, through ``RocketMQAdmin``.
public struct RocketMQMetadataAdmin: MetadataClusterAdmin {
    /// The admin calls.
    public let admin: RocketMQAdmin

    /// An admin for the cluster behind `nameServer` (`host:port`, several separated by `;`), signing
    /// requests with `credentials` when given.
    public static func connect(
        nameServer: String, credentials: AclCredentials? = nil, timeout: Duration = .seconds(10), logger: Logger
    ) -> RocketMQMetadataAdmin {
        var configuration = RemotingClientConfiguration()
        configuration.credentials = credentials
        configuration.requestTimeout = timeout
        let client = RemotingClient(configuration: configuration, logger: logger)
        let servers = nameServer.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }
        return RocketMQMetadataAdmin(admin: RocketMQAdmin(client: client, nameServers: servers, timeout: timeout))
    }

    /// Wraps an existing admin.
    public init(admin: RocketMQAdmin) {
        self.admin = admin
    }

    /// Closes the connections.
    public func shutdown() async {
        await self.admin.client.shutdown()
    }

    public func masters(cluster: String?) async throws -> (cluster: String, brokers: [BrokerReference]) {
        let info = try await self.admin.clusterInfo()
        let name: String
        if let cluster {
            name = cluster
        } else if info.clusterAddrTable.count == 1, let only = info.clusterAddrTable.first?.key {
            name = only
        } else {
            let names = info.clusterAddrTable.map(\.key).sorted().joined(separator: ", ")
            throw MetadataMigrationError(.clusterRefused, "the NameServer knows several clusters (\(names)): pick one with --cluster")
        }
        let masters = try await self.admin.masterAddresses(cluster: name)
        return (name, masters.map { BrokerReference(brokerName: $0.key, addr: $0.value) }.sorted())
    }

    public func topics(on broker: BrokerReference) async throws -> [MetadataTopic] {
        try await self.admin.allTopicConfigs(broker: broker.addr).topicConfigTable.map { MetadataTopic($0.value) }
    }

    public func groups(on broker: BrokerReference) async throws -> [MetadataGroup] {
        try await self.admin.allSubscriptionGroups(broker: broker.addr).subscriptionGroupTable.map {
            try MetadataGroup($0.value)
        }
    }

    public func systemTopics(on broker: BrokerReference) async throws -> Set<String> {
        Set(try await self.admin.systemTopics(broker: broker.addr).topicList)
    }

    public func consumerOffsets(on broker: BrokerReference) async throws -> [String: [Int: Int64]] {
        let table = try await self.admin.allConsumerOffsets(broker: broker.addr).offsetTable
        var result: [String: [Int: Int64]] = [:]
        for (key, queues) in table {
            result[key] = Dictionary(uniqueKeysWithValues: queues.map { (Int($0.key), $0.value) })
        }
        return result
    }

    public func aclConfig(on broker: BrokerReference) async throws -> AclSnapshot? {
        let config = try await self.admin.aclConfig(broker: broker.addr)
        return AclSnapshot(
            accounts: (config.plainAccessConfigs ?? []).compactMap(AclAccount.init), globalWhiteAddrs: config.globalWhiteAddrs ?? [])
    }

    public func aclEnabled(on broker: BrokerReference) async throws -> Bool {
        try await self.admin.brokerConfig(broker: broker.addr)["aclEnable"] == "true"
    }

    public func createOrUpdateTopic(_ topic: MetadataTopic, on broker: BrokerReference) async throws {
        try await self.admin.createOrUpdateTopic(try TopicConfig(topic), broker: broker.addr)
    }

    public func createOrUpdateGroup(_ group: MetadataGroup, on broker: BrokerReference) async throws {
        try await self.admin.createOrUpdateGroup(try SubscriptionGroupConfig(group), broker: broker.addr)
    }

    public func createOrUpdateAclAccount(_ account: AclAccount, on broker: BrokerReference) async throws {
        try await self.admin.createOrUpdateAclAccount(PlainAccessConfig(account), broker: broker.addr)
    }

    public func orderTopicConfigs() async throws -> [String: String] {
        try await self.admin.kvList(namespace: RocketMQAdmin.orderTopicConfigNamespace)
    }

    public func putOrderTopicConfig(topic: String, config: String) async throws {
        try await self.admin.putKVConfig(namespace: RocketMQAdmin.orderTopicConfigNamespace, key: topic, value: config)
    }

    public func updateConsumerOffset(
        topic: String, group: String, queueId: Int, offset: Int64, on broker: BrokerReference
    ) async throws {
        let request = RemotingCommand.request(
            code: .updateConsumerOffset,
            ext: ["consumerGroup": group, "topic": topic, "queueId": "\(queueId)", "commitOffset": "\(offset)"])
        let response = try await self.admin.client.invoke(request, address: broker.addr, timeout: self.admin.timeout)
        guard response.responseCode == .success else {
            throw RocketMQClientError(
                .responseError, "UPDATE_CONSUMER_OFFSET refused: \(response.remark ?? "")",
                responseCode: response.code, remark: response.remark, requestCode: request.code, address: broker.addr)
        }
    }
}
