import NIOCore
import RocketMQRemoting

extension BrokerState {
    /// SEND_BATCH_MESSAGE (`SendMessageProcessor.asyncSendBatchMessage`, `CommitLog.asyncPutMessages`): the
    /// messages of the body go to one queue in order, each with its own properties plus the header's; the
    /// answer carries every message id, comma-separated, and the first queue offset. Retry topics, delayed
    /// and transactional batches are refused as 4.9.8 refuses them.
    mutating func handleSendBatch(_ request: RemotingCommand, connection: Connection, now: Int64) -> BrokerOutcome {
        func fail(_ code: ResponseCode, _ remark: String) -> BrokerOutcome {
            BrokerOutcome(request, .reply(request, code, remark: remark))
        }
        let header: SendMessageRequestHeader
        do {
            header = try SendMessageRequestHeader(extFields: request.extFields, v2: true)
        } catch {
            return fail(.systemError, error.reason)
        }
        if BrokerConfiguration.notAllowedSendTopics.contains(header.topic) {
            return fail(.noPermission, "Sending message to topic[\(header.topic)] is forbidden.")
        }
        guard let topicConfig = self.topics[header.topic] else {
            return fail(.topicNotExist, "topic[\(header.topic)] not exist, apply first please!\(NameServerState.faqSuffix)")
        }
        var queueId = header.queueId
        if queueId < 0 { queueId = Int32.random(in: 0..<max(topicConfig.writeQueueNums, 1)) }
        if queueId >= max(topicConfig.writeQueueNums, topicConfig.readQueueNums) {
            return fail(
                .systemError,
                "request queueId[\(queueId)] is illegal, \(topicConfig.topicName) Producer: \(connection.remoteAddress)")
        }
        if header.topic.hasPrefix("%RETRY%") {
            return fail(.messageIllegal, "batch request does not support retry group \(header.topic)")
        }
        let bodySize = request.body?.readableBytes ?? 0
        guard bodySize <= self.configuration.maxMessageSize else {
            return fail(.messageIllegal, "the message body size over max value, MAX: \(self.configuration.maxMessageSize)")
        }
        let batch: MessageBatch
        do {
            batch = try MessageBatch(decoding: request.body ?? .init())
        } catch {
            return fail(.messageIllegal, error.reason)
        }
        var batchProperties = MessageProperties.decode(header.properties)
        batchProperties[MessageProperties.waitStoreMessageOK] = nil
        batchProperties[MessageProperties.cluster] = self.configuration.clusterName
        let sysFlag = MessageSysFlag(rawValue: header.sysFlag)
        let delayed = ([batchProperties] + batch.entries.map(\.properties)).contains {
            Int($0[MessageProperties.delayTimeLevel] ?? "") ?? 0 > 0
        }
        guard !batch.entries.isEmpty, sysFlag.transactionType.isEmpty, !delayed else {
            return fail(.messageIllegal, "the batch is empty, delayed or transactional")
        }
        var ids: [String] = []
        var firstOffset: Int64?
        var storedBytes = 0
        for entry in batch.entries {
            var properties = entry.properties
            properties.merge(batchProperties) { _, batchValue in batchValue }
            let message = MessageExt(
                topic: header.topic, queueId: queueId, body: entry.body, flag: entry.flag, properties: properties,
                bornTimestamp: header.bornTimestamp,
                bornHost: MessageHost(ipv4: connection.remoteAddress) ?? MessageHost(address: [127, 0, 0, 1], port: 0),
                storeTimestamp: now, storeHost: self.storeHost, sysFlag: sysFlag, reconsumeTimes: header.reconsumeTimes)
            let stored = self.store.put(message)
            ids.append(stored.msgId.description)
            firstOffset = firstOffset ?? stored.queueOffset
            storedBytes += stored.storeSize
        }
        self.stats.recordPut(topic: header.topic, messages: batch.entries.count, bytes: storedBytes, now: now)
        let responseHeader = SendMessageResponseHeader(
            msgId: ids.joined(separator: ","), queueId: queueId, queueOffset: firstOffset ?? 0)
        return BrokerOutcome(request, .reply(request, ext: responseHeader.extFields))
    }
}
