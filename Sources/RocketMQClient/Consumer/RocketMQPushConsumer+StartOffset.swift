internal import RocketMQRemoting

extension RocketMQPushConsumer {
    /// Where to start pulling a newly assigned `queue`, as 4.9.8's `RebalancePushImpl.computePullFromWhere`
    /// decides: the group's committed offset (QUERY_CONSUMER_OFFSET) when the broker has one; when the broker
    /// answers anything else (no offset, or any error: `RemoteBrokerOffsetStore.readOffset` turns every broker
    /// exception into "none"), by ``RocketMQPushConsumerConfiguration/consumeFromWhere``:
    /// * `.firstOffset`: 0;
    /// * `.lastOffset`: 0 on a retry topic, else the queue's max offset (GET_MAX_OFFSET);
    /// * `.timestamp`: the max offset on a retry topic, else the offset of
    ///   ``RocketMQPushConsumerConfiguration/consumeTimestamp`` (SEARCH_OFFSET_BY_TIMESTAMP).
    /// - Throws: when the broker cannot be reached or the max/search query fails; the queue is then not
    ///   taken in this rebalance (Java: "add new mq failed").
    func startOffset(of queue: MessageQueue) async throws -> Int64 {
        let address = try self.masterAddress(of: queue)
        if let committed = try await self.committedOffset(of: queue, address: address) { return committed }
        let isRetryTopic = queue.topic.hasPrefix(Self.retryTopicPrefix)
        switch self.configuration.consumeFromWhere {
        case .firstOffset:
            return 0
        case .timestamp where isRetryTopic:
            return try await self.maxOffset(of: queue, address: address)
        case .timestamp:
            return try await self.searchOffset(of: queue, timestamp: self.configuration.consumeTimestamp, address: address)
        default:
            if isRetryTopic { return 0 }
            return try await self.maxOffset(of: queue, address: address)
        }
    }

    /// The prefix of retry topics (`MixAll.RETRY_GROUP_TOPIC_PREFIX`).
    static let retryTopicPrefix = "%RETRY%"

    /// The group's committed offset of `queue`, or nil when the broker answers with anything but SUCCESS
    /// and an offset ≥ 0. Throws only when the request itself fails (no connection, timeout).
    private func committedOffset(of queue: MessageQueue, address: String) async throws -> Int64? {
        let header = QueryConsumerOffsetRequestHeader(
            consumerGroup: self.configuration.group, topic: queue.topic, queueId: queue.queueId,
            brokerName: queue.brokerName)
        let query = RemotingCommand.request(code: .queryConsumerOffset, ext: header.ext)
        let response = try await self.client.invoke(query, address: address, timeout: self.configuration.requestTimeout)
        guard response.responseCode == .success, let offset = response.ext("offset").flatMap({ Int64($0) }), offset >= 0
        else { return nil }
        return offset
    }

    /// GET_MAX_OFFSET (30): the queue's max offset.
    private func maxOffset(of queue: MessageQueue, address: String) async throws -> Int64 {
        let request = RemotingCommand.request(
            code: .getMaxOffset,
            ext: ["topic": queue.topic, "queueId": "\(queue.queueId)", "bname": queue.brokerName]
        )
        return try await self.client.invoke(request, address: address, timeout: self.configuration.requestTimeout)
            .requireSuccess(request: .getMaxOffset, address: address)
            .requireInt64Ext("offset", request: .getMaxOffset, address: address)
    }

    /// SEARCH_OFFSET_BY_TIMESTAMP (29): the offset of the queue's message nearest to `timestamp` (milliseconds).
    private func searchOffset(of queue: MessageQueue, timestamp: Int64, address: String) async throws -> Int64 {
        let request = RemotingCommand.request(
            code: .searchOffsetByTimestamp,
            ext: [
                "topic": queue.topic, "queueId": "\(queue.queueId)", "timestamp": "\(timestamp)",
                "bname": queue.brokerName,
            ]
        )
        return try await self.client.invoke(request, address: address, timeout: self.configuration.requestTimeout)
            .requireSuccess(request: .searchOffsetByTimestamp, address: address)
            .requireInt64Ext("offset", request: .searchOffsetByTimestamp, address: address)
    }
}
