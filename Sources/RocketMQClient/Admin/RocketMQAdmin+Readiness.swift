public import RocketMQRemoting

extension RocketMQAdmin {
    /// The group mqadmin's tools pull with (`MixAll.TOOLS_CONSUMER_GROUP`); brokers have it from the start.
    public static let toolsConsumerGroup = "TOOLS_CONSUMER"

    /// GET_ALL_DELAY_OFFSET (45): delay level → the next `SCHEDULE_TOPIC_XXXX` offset (queue `level - 1`)
    /// the broker will deliver.
    public func delayOffsets(broker: String) async throws -> DelayOffsetTable {
        let response = try await self.invokeBroker(.request(code: .getAllDelayOffset), address: broker)
        return try response.decodeBody(DelayOffsetTable.self, request: .getAllDelayOffset, address: broker)
    }

    /// PULL_MESSAGE (11) as mqadmin's read-only tools do it: group `TOOLS_CONSUMER`, subscription `*`, no
    /// suspend, no offset commit, so no consumer state changes. Used to look at messages parked in system
    /// topics (delayed, half) without consuming them.
    ///
    /// - Returns: the messages from `offset` on (at most `maxCount`, 1...32) and the offset to read next;
    ///   no messages when the queue holds none there.
    public func peekMessages(
        topic: String, queueId: Int32, offset: Int64, maxCount: Int32 = 32, broker: String
    ) async throws -> (messages: [MessageExt], nextOffset: Int64) {
        let header = PullMessageRequestHeader(
            consumerGroup: Self.toolsConsumerGroup, topic: topic, queueId: queueId, queueOffset: max(offset, 0),
            maxMsgNums: min(max(maxCount, 1), 32), sysFlag: [.subscription], suspendTimeoutMillis: 0,
            subscription: "*", subVersion: 0)
        let request = RemotingCommand.request(code: .pullMessage, ext: header.extFields)
        let response = try await self.client.invoke(request, address: broker, timeout: self.timeout)
        switch response.responseCode {
        case .success, .pullNotFound, .pullRetryImmediately, .pullOffsetMoved: break
        default: _ = try response.requireSuccess(request: .pullMessage, address: broker)
        }
        let next = try response.requireInt64Ext("nextBeginOffset", request: .pullMessage, address: broker)
        guard response.responseCode == .success, let body = response.body else { return ([], next) }
        do {
            return (try MessageExt.decodeAll(from: body), next)
        } catch {
            throw RocketMQClientError(
                .malformedResponse, "cannot decode the peeked messages of \(topic)",
                requestCode: RequestCode.pullMessage.rawValue, address: broker, underlying: error)
        }
    }
}
