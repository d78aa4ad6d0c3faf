internal import NIOCore
public import RocketMQRemoting

extension RocketMQAdmin {
    /// GET_ALL_TOPIC_CONFIG (21): every topic config of the broker at `broker`, with its data version.
    public func allTopicConfigs(broker: String) async throws -> TopicConfigSerializeWrapper {
        let response = try await self.invokeBroker(.request(code: .getAllTopicConfig), address: broker)
        return try response.decodeBody(TopicConfigSerializeWrapper.self, request: .getAllTopicConfig, address: broker)
    }

    /// GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201): every subscription group of the broker at `broker`.
    public func allSubscriptionGroups(broker: String) async throws -> SubscriptionGroupWrapper {
        let response = try await self.invokeBroker(.request(code: .getAllSubscriptionGroupConfig), address: broker)
        return try response.decodeBody(
            SubscriptionGroupWrapper.self,
            request: .getAllSubscriptionGroupConfig,
            address: broker
        )
    }

    /// GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305): the topics the broker counts as system topics.
    public func systemTopics(broker: String) async throws -> TopicList {
        let response = try await self.invokeBroker(.request(code: .getSystemTopicListFromBroker), address: broker)
        return try response.decodeBody(TopicList.self, request: .getSystemTopicListFromBroker, address: broker)
    }

    /// UPDATE_AND_CREATE_TOPIC (17): creates or updates `config` on the broker at `broker`. The header
    /// carries the fields as strings, with `defaultTopic` TBW102 as mqadmin sends it; `attributes` (5.x)
    /// are sent as `+key=value` pairs when present.
    public func createOrUpdateTopic(_ config: TopicConfig, broker: String) async throws {
        let header = CreateTopicRequestHeader(
            topic: config.topicName, readQueueNums: config.readQueueNums, writeQueueNums: config.writeQueueNums,
            perm: config.perm.rawValue, topicFilterType: config.topicFilterType.rawValue,
            topicSysFlag: config.topicSysFlag, order: config.order)
        var ext = header.ext
        if let attributes = config.attributes, !attributes.isEmpty {
            ext["attributes"] = attributes.map { "+\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        _ = try await self.invokeBroker(.request(code: .updateAndCreateTopic, ext: ext), address: broker)
    }

    /// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200): creates or updates `config` (sent as its JSON body).
    public func createOrUpdateGroup(_ config: SubscriptionGroupConfig, broker: String) async throws {
        let request = RemotingCommand.request(code: .updateAndCreateSubscriptionGroup, body: config.byteBuffer())
        _ = try await self.invokeBroker(request, address: broker)
    }

    /// GET_BROKER_CONFIG (26): the broker's configuration properties.
    public func brokerConfig(broker: String) async throws -> BrokerProperties {
        let response = try await self.invokeBroker(.request(code: .getBrokerConfig), address: broker)
        let text = response.body.map { String(buffer: $0) } ?? ""
        do {
            return try BrokerProperties(text: text)
        } catch {
            throw RocketMQClientError(
                .malformedResponse,
                "cannot read the broker properties",
                requestCode: RequestCode.getBrokerConfig.rawValue,
                address: broker,
                underlying: error
            )
        }
    }

    /// UPDATE_BROKER_CONFIG (25): sets `properties` on the broker (e.g. `brokerPermission=4`, which
    /// also makes the broker re-register with its NameServers at once).
    public func updateBrokerConfig(_ properties: BrokerProperties, broker: String) async throws {
        let request = RemotingCommand.request(code: .updateBrokerConfig, body: ByteBuffer(string: properties.text))
        _ = try await self.invokeBroker(request, address: broker)
    }
}
