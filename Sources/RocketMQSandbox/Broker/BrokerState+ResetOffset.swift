import RocketMQRemoting

extension BrokerState {
    /// INVOKE_BROKER_TO_RESET_OFFSET (222) (`Broker2Client.resetOffset`): computes each write queue's new
    /// offset (the max offset for timestamp -1, else the offset at that store time; without `isForce` an
    /// offset only moves back), pushes RESET_CONSUMER_CLIENT_OFFSET (220, oneway) with the table to every
    /// online member of the group, and answers the table. The broker's own committed offsets do not change:
    /// the clients commit the new ones. An offline group answers CONSUMER_NOT_ONLINE.
    mutating func handleResetOffset(_ request: RemotingCommand) -> BrokerOutcome {
        let header: ResetOffsetRequestHeader
        do {
            header = try ResetOffsetRequestHeader(ext: request.extFields ?? [:])
        } catch {
            return BrokerOutcome(request, NameServerState.headerError(request, error))
        }
        guard let config = self.topics[header.topic] else {
            return BrokerOutcome(
                request,
                .reply(
                    request, .systemError,
                    remark: "[reset-offset] reset offset failed, no topic in this broker. topic=\(header.topic)"))
        }
        var table = OrderedMap<MessageQueue, Int64>()
        let committed = self.consumerOffsets["\(header.topic)@\(header.group)"] ?? [:]
        for queueId in 0..<max(config.writeQueueNums, 0) {
            guard let consumerOffset = committed[queueId] else {
                return BrokerOutcome(
                    request, .reply(request, .systemError, remark: "THe consumer group <\(header.group)> not exist"))
            }
            let target = max(
                header.timestamp == -1
                    ? self.store.maxOffset(topic: header.topic, queueId: queueId)
                    : self.store.offset(topic: header.topic, queueId: queueId, storedAt: header.timestamp), 0)
            let queue = MessageQueue(topic: header.topic, brokerName: self.configuration.brokerName, queueId: queueId)
            table[queue] = header.isForce || target < consumerOffset ? target : consumerOffset
        }
        let connections = self.clients.consumerConnections(group: header.group)
        guard !connections.isEmpty else {
            return BrokerOutcome(
                request,
                .reply(
                    request, .consumerNotOnline,
                    remark:
                        "Consumer not online, so can not reset offset, Group: \(header.group) Topic: \(header.topic) Timestamp: \(header.timestamp)"
                ))
        }
        let body = ResetOffsetBody(offsetTable: table).json.body()
        let push = ResetOffsetRequestHeader(
            topic: header.topic, group: header.group, timestamp: header.timestamp, isForce: false)
        var outcome = BrokerOutcome(request, .reply(request, body: body))
        outcome.pushes = connections.map { id in
            (id, RemotingCommand.oneway(code: .resetConsumerClientOffset, ext: push.ext, body: body, opaque: self.takeOpaque()))
        }
        return outcome
    }
}
