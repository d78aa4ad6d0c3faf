import RocketMQRemoting

extension RocketMQAdmin {
    /// QUERY_TOPIC_CONSUME_BY_WHO (300) on one broker: the groups that consume `topic` there — those with an
    /// online consumer subscribed to it and those with a committed offset for it
    /// (`AdminBrokerProcessor.queryTopicConsumeByWho`: `ConsumerManager` ∪ `ConsumerOffsetManager`).
    public func groupsConsuming(_ topic: String, broker: String) async throws -> [String] {
        let request = RemotingCommand.request(code: .queryTopicConsumeByWho, ext: ["topic": topic])
        let response = try await self.invokeBroker(request, address: broker)
        return try response.decodeBody(GroupList.self, request: .queryTopicConsumeByWho, address: broker).groupList
    }
}
