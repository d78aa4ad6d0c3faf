import NIOCore
import RocketMQRemoting

extension BrokerState {
    /// The host part of the broker address, as remarks show it (`brokerIP1`).
    var brokerIP: String { String(self.configuration.brokerAddr.split(separator: ":").first ?? "") }

    /// SEND_MESSAGE / SEND_MESSAGE_V2 (`SendMessageProcessor.asyncSendMessage` and `msgCheck`).
    mutating func handleSend(_ request: RemotingCommand, connection: Connection, now: Int64) -> BrokerOutcome {
        let header: SendMessageRequestHeader
        do {
            header = try SendMessageRequestHeader(extFields: request.extFields, v2: request.requestCode == .sendMessageV2)
        } catch {
            return BrokerOutcome(request, .reply(request, .systemError, remark: error.reason))
        }
        if !self.brokerPermission.isWritable, self.topics[header.topic]?.order == true {
            return BrokerOutcome(
                request, .reply(request, .noPermission, remark: "the broker[\(self.brokerIP)] sending message is forbidden"))
        }
        if BrokerConfiguration.notAllowedSendTopics.contains(header.topic) {
            return BrokerOutcome(
                request, .reply(request, .noPermission, remark: "Sending message to topic[\(header.topic)] is forbidden."))
        }
        guard let topicConfig = self.topics[header.topic] else {
            return BrokerOutcome(
                request,
                .reply(
                    request, .topicNotExist,
                    remark: "topic[\(header.topic)] not exist, apply first please!\(NameServerState.faqSuffix)"))
        }
        var queueId = header.queueId
        if queueId < 0 { queueId = Int32.random(in: 0..<max(topicConfig.writeQueueNums, 1)) }
        if queueId >= max(topicConfig.writeQueueNums, topicConfig.readQueueNums) {
            return BrokerOutcome(
                request,
                .reply(
                    request, .systemError,
                    remark: "request queueId[\(queueId)] is illegal, \(topicConfig.topicName) Producer: \(connection.remoteAddress)"))
        }
        let body = request.body.map { Array($0.readableBytesView) } ?? []
        if body.count > self.configuration.maxMessageSize {
            return BrokerOutcome(request, .reply(request, .messageIllegal, remark: "the message body size over max value, MAX: \(self.configuration.maxMessageSize)"))
        }
        var properties = MessageProperties.decode(header.properties)
        properties[MessageProperties.waitStoreMessageOK] = nil
        properties[MessageProperties.cluster] = self.configuration.clusterName
        let message = MessageExt(
            topic: header.topic, queueId: queueId, body: body, flag: header.flag, properties: properties,
            bornTimestamp: header.bornTimestamp,
            bornHost: MessageHost(ipv4: connection.remoteAddress) ?? MessageHost(address: [127, 0, 0, 1], port: 0),
            storeTimestamp: now, storeHost: self.storeHost, sysFlag: MessageSysFlag(rawValue: header.sysFlag),
            reconsumeTimes: header.reconsumeTimes)
        let stored = self.putMessage(message)
        self.stats.recordPut(topic: header.topic, messages: 1, bytes: stored.storeSize, now: now)
        let responseHeader = SendMessageResponseHeader(
            msgId: stored.msgId.description, queueId: queueId, queueOffset: stored.queueOffset)
        return BrokerOutcome(request, .reply(request, ext: responseHeader.extFields))
    }

    /// `CommitLog.putMessage`: half messages and delayed messages are parked; everything else goes to its queue.
    mutating func putMessage(_ message: MessageExt) -> MessageExt {
        var message = message
        let transaction = message.sysFlag.transactionType
        if transaction == .transactionPrepared || message.properties[MessageProperties.transactionPrepared] == "true" {
            message.properties[MessageProperties.realTopic] = message.topic
            message.properties[MessageProperties.realQueueId] = String(message.queueId)
            message.topic = BrokerConfiguration.transactionHalfTopic
            message.queueId = 0
            let stored = self.store.put(message)
            self.halfMessages[stored.commitLogOffset] = stored
            return stored
        }
        let levels = self.configuration.delayLevelMillis
        if message.delayTimeLevel > 0, !levels.isEmpty, transaction != .transactionRollback {
            let level = min(message.delayTimeLevel, levels.count)
            message.delayTimeLevel = level
            message.properties[MessageProperties.realTopic] = message.topic
            message.properties[MessageProperties.realQueueId] = String(message.queueId)
            message.topic = BrokerConfiguration.scheduleTopic
            message.queueId = Int32(level - 1)
            return self.store.put(message, tagsCode: message.storeTimestamp + levels[level - 1])
        }
        return self.store.put(message)
    }

    /// Moves every due delayed message to its real topic (`ScheduleMessageService` timer tasks).
    /// Returns how many were delivered.
    mutating func deliverDueMessages(now: Int64) -> Int {
        var delivered = 0
        for level in 1...max(self.configuration.delayLevelMillis.count, 1) where !self.configuration.delayLevelMillis.isEmpty {
            var offset = self.delayOffsets[level] ?? 0
            while let entry = self.store.entry(topic: BrokerConfiguration.scheduleTopic, queueId: Int32(level - 1), offset: offset),
                entry.tagsCode <= now
            {
                var bytes = entry.bytes
                if var message = try? MessageExt.decode(from: &bytes),
                    let topic = message.properties[MessageProperties.realTopic]
                {
                    message.topic = topic
                    message.queueId = message.properties[MessageProperties.realQueueId].flatMap { Int32($0) } ?? 0
                    message.delayTimeLevel = 0
                    message.properties[MessageProperties.waitStoreMessageOK] = "false"
                    message.storeTimestamp = now
                    _ = self.store.put(message)
                    delivered += 1
                }
                offset += 1
            }
            self.delayOffsets[level] = offset
        }
        return delivered
    }

    /// CONSUMER_SEND_MSG_BACK (`asyncConsumerSendMsgBack`): a copy into `%RETRY%group` with delay level
    /// `3 + reconsumeTimes`, or into `%DLQ%group` once `maxReconsumeTimes` is reached.
    mutating func handleSendBack(_ request: RemotingCommand, now: Int64) -> BrokerOutcome {
        let header: ConsumerSendMsgBackRequestHeader
        do {
            header = try ConsumerSendMsgBackRequestHeader(ext: request.extFields ?? [:])
        } catch {
            return BrokerOutcome(request, .reply(request, .systemError, remark: error.reason))
        }
        let group = header.group
        guard let groupConfig = self.groups[group] else {
            return BrokerOutcome(
                request,
                .reply(
                    request, .subscriptionGroupNotExist,
                    remark: "subscription group not exist, \(group) \(NameServerState.faqSuffix)"))
        }
        guard self.brokerPermission.isWritable else {
            return BrokerOutcome(
                request, .reply(request, .noPermission, remark: "the broker[\(self.brokerIP)] sending message is forbidden"))
        }
        guard groupConfig.retryQueueNums > 0 else { return BrokerOutcome(request, .reply(request)) }
        let offset = header.offset
        guard var message = self.store.message(atCommitLogOffset: offset) else {
            return BrokerOutcome(request, .reply(request, .systemError, remark: "look message by offset failed, \(offset)"))
        }
        var delayLevel = Int(header.delayLevel)
        let maxReconsumeTimes = header.maxReconsumeTimes ?? groupConfig.retryMaxTimes
        var topic = "%RETRY%\(group)"
        var queueCount = groupConfig.retryQueueNums
        if message.properties[MessageProperties.retryTopic] == nil {
            message.properties[MessageProperties.retryTopic] = message.topic
        }
        if message.reconsumeTimes >= maxReconsumeTimes || delayLevel < 0 {
            topic = "%DLQ%\(group)"
            queueCount = 1
            delayLevel = 0
        } else if delayLevel == 0 {
            delayLevel = 3 + Int(message.reconsumeTimes)
        }
        let created = self.createTopicIfAbsent(topic, queueNums: queueCount, now: now)
        guard created || self.topics[topic] != nil else {
            return BrokerOutcome(request, .reply(request, .systemError, remark: "topic[\(topic)] not exist"))
        }
        message.properties[MessageProperties.originMessageId] =
            (header.originMsgId.flatMap { $0.isEmpty ? nil : $0 }) ?? message.msgId.description
        message.properties[MessageProperties.waitStoreMessageOK] = "false"
        message.delayTimeLevel = delayLevel
        message.topic = topic
        message.queueId = Int32.random(in: 0..<max(queueCount, 1))
        if message.reconsumeTimes < .max { message.reconsumeTimes += 1 }  // the count comes from a client
        message.storeTimestamp = now
        _ = self.putMessage(message)
        var outcome = BrokerOutcome(request, .reply(request))
        if created { outcome.registration = .allKeepingOrder }
        return outcome
    }

    /// Creates a retry or DLQ topic the way `createTopicInSendMessageBackMethod` does; true when it was new.
    /// Past ``SandboxLimits/maxTopics`` nothing is created (the caller then finds no topic).
    mutating func createTopicIfAbsent(_ topic: String, queueNums: Int32, now: Int64) -> Bool {
        guard self.topics[topic] == nil, self.topics.count < self.limits.maxTopics else { return false }
        let queueNums = min(max(queueNums, 0), CreateTopicRequestHeader.maxQueueNums)  // from a group config body
        self.topics[topic] = TopicConfig(topicName: topic, readQueueNums: queueNums, writeQueueNums: queueNums, perm: [.read, .write])
        self.topicsChanged(now: now)
        return true
    }

    /// END_TRANSACTION: commit moves the half message to its topic; rollback drops it. A header that does not
    /// decode is answered as the broker answers `decodeCommandCustomHeader`'s exception (nothing, when oneway).
    mutating func handleEndTransaction(_ request: RemotingCommand, now: Int64) -> RemotingCommand {
        let header: EndTransactionRequestHeader
        do {
            header = try EndTransactionRequestHeader(ext: request.extFields ?? [:])
        } catch {
            return NameServerState.headerError(request, error)
        }
        let kind = header.commitOrRollback
        guard kind == .transactionCommit || kind == .transactionRollback else { return .reply(request) }
        guard var message = self.halfMessages.removeValue(forKey: header.commitLogOffset) else {
            return .reply(request, .systemError, remark: "Find prepared transaction message failed")
        }
        self.putTransactionOp(for: message, now: now)
        if kind == .transactionCommit {
            message.topic = message.properties[MessageProperties.realTopic] ?? message.topic
            message.queueId = message.properties[MessageProperties.realQueueId].flatMap { Int32($0) } ?? 0
            message.properties[MessageProperties.realTopic] = nil
            message.properties[MessageProperties.realQueueId] = nil
            message.properties[MessageProperties.transactionPrepared] = nil
            message.sysFlag = MessageSysFlag(rawValue: message.sysFlag.rawValue & ~MessageSysFlag.transactionRollback.rawValue)
                .union(.transactionCommit)
            message.storeTimestamp = now
            _ = self.putMessage(message)
        }
        return .reply(request)
    }
}
