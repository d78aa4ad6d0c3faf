public import RocketMQRemoting

extension RocketMQAdmin {
    /// GET_TOPIC_STATS_INFO (202): min/max offset and last update of each queue of `topic` on `broker`.
    public func topicStats(_ topic: String, broker: String) async throws -> TopicStatsTable {
        let request = RemotingCommand.request(code: .getTopicStatsInfo, ext: ["topic": topic])
        let response = try await self.invokeBroker(request, address: broker)
        return try response.decodeBody(TopicStatsTable.self, request: .getTopicStatsInfo, address: broker)
    }

    /// GET_CONSUME_STATS (208) on one broker: broker and consumer offsets of `group` per queue (of `topic`
    /// only, when given).
    public func consumeStats(group: String, topic: String? = nil, broker: String) async throws -> ConsumeStats {
        var ext: RemotingExtFields = ["consumerGroup": group]
        if let topic { ext["topic"] = topic }
        let response = try await self.invokeBroker(.request(code: .getConsumeStats, ext: ext), address: broker)
        return try response.decodeBody(ConsumeStats.self, request: .getConsumeStats, address: broker)
    }

    /// GET_CONSUMER_CONNECTION_LIST (203): the clients of `group` connected to `broker`, and their
    /// subscriptions. Throws `responseError` CONSUMER_NOT_ONLINE (206) when none is.
    public func consumerConnection(group: String, broker: String) async throws -> ConsumerConnection {
        let request = RemotingCommand.request(code: .getConsumerConnectionList, ext: ["consumerGroup": group])
        let response = try await self.invokeBroker(request, address: broker)
        return try response.decodeBody(ConsumerConnection.self, request: .getConsumerConnectionList, address: broker)
    }

    /// GET_PRODUCER_CONNECTION_LIST (204): the producers of `group` connected to `broker`.
    public func producerConnection(group: String, broker: String) async throws -> ProducerConnection {
        let request = RemotingCommand.request(code: .getProducerConnectionList, ext: ["producerGroup": group])
        let response = try await self.invokeBroker(request, address: broker)
        return try response.decodeBody(ProducerConnection.self, request: .getProducerConnectionList, address: broker)
    }

    /// GET_ALL_CONSUMER_OFFSET (43): every committed offset on `broker`, keyed `topic@group`.
    public func allConsumerOffsets(broker: String) async throws -> ConsumerOffsetTable {
        let response = try await self.invokeBroker(.request(code: .getAllConsumerOffset), address: broker)
        return try response.decodeBody(ConsumerOffsetTable.self, request: .getAllConsumerOffset, address: broker)
    }

    /// The master address of every broker that serves `group`'s retry topic (`%RETRY%group`), as
    /// mqadmin's consumerProgress and consumerConnection find them.
    public func brokersOfGroup(_ group: String) async throws -> [String] {
        let route = try await self.topicRoute("%RETRY%" + group)
        return route.brokerDatas.compactMap(\.masterAddress).sorted()
    }
}
