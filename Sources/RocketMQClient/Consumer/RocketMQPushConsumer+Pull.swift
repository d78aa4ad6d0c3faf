internal import Logging
internal import NIOCore
internal import RocketMQRemoting

extension RocketMQPushConsumer {
    /// One owned queue's loop (`PullMessageService` + `ConsumeMessageConcurrentlyService`, one message at
    /// a time): long-poll PULL_MESSAGE from `offset`, deliver what passes the tag filter, move on to
    /// `nextBeginOffset`, and record it for the next commit. Ends when the queue is released, or when the
    /// broker answers OFFSET_ILLEGAL (see ``dropForIllegalOffset(queue:token:nextOffset:)``).
    func pullLoop(queue: MessageQueue, token: Int, from offset: Int64) async {
        var offset = offset
        while !Task.isCancelled, self.processQueues[queue]?.token == token {
            // Orderly: no pull without a fresh lock (Java pulls again later, after its exception delay).
            if self.configuration.consumeOrderly, !self.holdsLock(queue) {
                try? await Task.sleep(for: self.configuration.pullDelayOnError)
                continue
            }
            do {
                let result = try await self.pull(queue: queue, offset: offset)
                if result.offsetIllegal {
                    await self.dropForIllegalOffset(queue: queue, token: token, nextOffset: result.nextOffset)
                    return
                }
                for message in result.messages {
                    guard !Task.isCancelled else { return }
                    if self.configuration.consumeOrderly {
                        guard await self.consumeOrderly(message, from: queue, token: token) else { return }
                        // Orderly consumption commits message by message, so a release hands over exactly here.
                        let (next, overflow) = message.queueOffset.addingReportingOverflow(1)
                        if self.processQueues[queue]?.token == token { self.offsets.update(queue, to: overflow ? .max : next) }
                    } else {
                        await self.consume(message, from: queue)
                    }
                }
                offset = result.nextOffset
                if self.processQueues[queue]?.token == token { self.offsets.update(queue, to: offset) }
            } catch {
                guard !Task.isCancelled else { return }
                self.logger.debug("consumer.pull.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
                try? await Task.sleep(for: self.configuration.pullDelayOnError)
            }
        }
    }

    /// What one pull brought back.
    struct PullResult {
        var messages: [MessageExt]
        var nextOffset: Int64
        /// The broker answered PULL_OFFSET_MOVED (Java's OFFSET_ILLEGAL).
        var offsetIllegal = false
    }

    /// Java's answer to OFFSET_ILLEGAL (`DefaultMQPushConsumerImpl.pullMessage`): the queue is dropped (no
    /// more pulls), and ``RocketMQPushConsumerConfiguration/offsetIllegalFixDelay`` later its offset is set to
    /// `nextOffset`, committed, and the queue released, so the next rebalance takes it back from there.
    func dropForIllegalOffset(queue: MessageQueue, token: Int, nextOffset: Int64) async {
        self.logger.info(
            "consumer.pull.offset-illegal",
            metadata: ["consumer.queue": "\(queue)", "consumer.offset": "\(nextOffset)"]
        )
        try? await Task.sleep(for: self.configuration.offsetIllegalFixDelay)
        guard !Task.isCancelled, self.processQueues[queue]?.token == token else { return }
        self.offsets.update(queue, to: nextOffset)
        await self.commit(queue)
        guard self.processQueues[queue]?.token == token else { return }
        self.processQueues[queue] = nil
        self.offsets.remove(queue)
        if self.configuration.consumeOrderly { await self.unlock([queue]) }
        self.logger.info("consumer.queue.released", metadata: ["consumer.queue": "\(queue)"])
    }

    /// PULL_MESSAGE (11) with the header a 4.9.8 push consumer sends: SUSPEND (and COMMIT_OFFSET with the
    /// consumed offset when there is one), no SUBSCRIPTION (the broker uses the heartbeat's, matched by
    /// `subVersion`). FOUND decodes the messages; NO_NEW_MSG and NO_MATCHED_MSG move on to `nextBeginOffset`;
    /// OFFSET_ILLEGAL is reported in the result.
    func pull(queue: MessageQueue, offset: Int64) async throws -> PullResult {
        let address = try self.masterAddress(of: queue)
        let subscription = self.subscriptions[queue.topic] ?? SubscriptionExpression("*")
        let committed = self.offsets.offset(of: queue) ?? 0
        var sysFlag: PullMessageRequestHeader.SysFlag = [.suspend]
        if committed > 0 { sysFlag.insert(.commitOffset) }
        let suspendMillis = self.configuration.brokerSuspendTime.components.seconds * 1000
            + self.configuration.brokerSuspendTime.components.attoseconds / 1_000_000_000_000_000
        let header = PullMessageRequestHeader(
            consumerGroup: self.configuration.group,
            topic: queue.topic,
            queueId: queue.queueId,
            queueOffset: offset,
            maxMsgNums: self.configuration.pullBatchSize,
            sysFlag: sysFlag,
            commitOffset: committed,
            suspendTimeoutMillis: suspendMillis,
            subVersion: subscription.version,
            brokerName: queue.brokerName
        )
        let request = RemotingCommand.request(code: .pullMessage, ext: header.extFields)
        // Java waits 30 s for a suspended pull (CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND): suspend time + 15 s.
        let response = try await self.client.invoke(
            request,
            address: address,
            timeout: self.configuration.brokerSuspendTime + .seconds(15)
        )
        switch response.responseCode {
        case .success, .pullNotFound, .pullRetryImmediately, .pullOffsetMoved:
            break
        default:
            _ = try response.requireSuccess(request: .pullMessage, address: address)
        }
        let nextOffset = try response.requireInt64Ext("nextBeginOffset", request: .pullMessage, address: address)
        guard response.responseCode == .success, let body = response.body else {
            return PullResult(messages: [], nextOffset: nextOffset, offsetIllegal: response.responseCode == .pullOffsetMoved)
        }
        do {
            let messages = try MessageExt.decodeAll(from: body).filter { subscription.matches(tag: $0.tags) }
            return PullResult(messages: messages, nextOffset: nextOffset)
        } catch {
            throw RocketMQClientError(
                .malformedResponse,
                "cannot decode the pulled messages",
                requestCode: RequestCode.pullMessage.rawValue,
                address: address,
                underlying: error
            )
        }
    }

    /// Delivers `message`; when the handler throws, sends it back so the broker redelivers it through the
    /// retry topic (`DefaultMQPushConsumerImpl.sendMessageBack`): CONSUMER_SEND_MSG_BACK, and when the broker
    /// refuses or cannot be reached, a send of the message to `%RETRY%<group>` by the inner producer. When
    /// that fails too, the message is delivered again after ``redeliveryDelay`` (Java's
    /// `submitConsumeRequestLater`).
    func consume(_ message: MessageExt, from queue: MessageQueue) async {
        var delivered = message
        if let original = message.properties[MessageProperties.retryTopic], message.topic == self.retryTopic {
            delivered.topic = original
        }
        while !Task.isCancelled {
            do {
                try await self.handler(delivered)
                return
            } catch {
                self.logger.debug("consumer.handler.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
            }
            do {
                try await self.sendBack(delivered, original: message, queue: queue)
                return
            } catch {
                self.logger.info("consumer.send-back.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
            }
            do {
                _ = try await self.innerProducer.send(self.retryMessage(for: delivered, original: message))
                return
            } catch {
                self.logger.info("consumer.retry-send.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
                try? await Task.sleep(for: Self.redeliveryDelay)
            }
        }
    }

    /// The pause before a message whose send-back failed is delivered again (Java: 5 s).
    static let redeliveryDelay: Duration = .seconds(5)

    /// The message Java's fallback produces to `%RETRY%<group>`: the body and properties of the consumed
    /// message (`delivered`, under its original topic), with RETRY_TOPIC = that topic, ORIGIN_MESSAGE_ID,
    /// RECONSUME_TIME = reconsume times + 1, MAX_RECONSUME_TIMES, no TRAN_MSG, and delay level 3 + reconsume
    /// times. Java also copies the message flag, which ``RocketMQMessage`` does not carry.
    func retryMessage(for delivered: MessageExt, original: MessageExt) -> RocketMQMessage {
        var properties = delivered.properties
        properties[MessageProperties.retryTopic] = delivered.topic
        if (properties[MessageProperties.originMessageId] ?? "").isEmpty {
            properties[MessageProperties.originMessageId] = original.clientMessageId
        }
        let reconsumeTimes = Int64(delivered.reconsumeTimes)
        properties[MessageProperties.reconsumeTime] = "\(min(reconsumeTimes + 1, Int64(Int32.max)))"
        properties[MessageProperties.maxReconsumeTimes] = "\(self.configuration.maxReconsumeTimes)"
        properties[MessageProperties.transactionPrepared] = nil
        properties[MessageProperties.delayTimeLevel] = nil
        return RocketMQMessage(
            topic: self.retryTopic,
            body: ByteBuffer(bytes: delivered.body),
            delayLevel: Int(3 + reconsumeTimes),
            properties: properties
        )
    }

    /// CONSUMER_SEND_MSG_BACK (36): the broker stores the message again in `%RETRY%<group>` with a delay
    /// that grows with its reconsume count (or in `%DLQ%<group>` after `maxReconsumeTimes`).
    func sendBack(_ message: MessageExt, original: MessageExt, queue: MessageQueue) async throws {
        let address = try self.masterAddress(of: queue)
        let request = RemotingCommand.request(
            code: .consumerSendMsgBack,
            ext: [
                "offset": "\(original.commitLogOffset)",
                "group": self.configuration.group,
                "delayLevel": "0",
                "originMsgId": original.msgId.description,
                "originTopic": message.topic,
                "unitMode": "false",
                "maxReconsumeTimes": "\(self.configuration.maxReconsumeTimes)",
                "bname": queue.brokerName,
            ]
        )
        let response = try await self.client.invoke(request, address: address, timeout: self.configuration.requestTimeout)
        _ = try response.requireSuccess(request: .consumerSendMsgBack, address: address)
    }

    /// Commits every offset that moved since its last commit (UPDATE_CONSUMER_OFFSET, oneway, as Java's
    /// `persistAll` does).
    func persistOffsets() async {
        for (queue, _) in self.offsets.uncommitted {
            await self.commit(queue)
        }
    }

    /// Commits `queue`'s consumed offset, if it moved.
    func commit(_ queue: MessageQueue) async {
        guard let offset = self.offsets.offset(of: queue), let address = try? self.masterAddress(of: queue) else { return }
        guard self.offsets.uncommitted.contains(where: { $0.0 == queue }) else { return }
        let header = UpdateConsumerOffsetRequestHeader(
            consumerGroup: self.configuration.group, topic: queue.topic, queueId: queue.queueId, commitOffset: offset,
            brokerName: queue.brokerName)
        let request = RemotingCommand.request(code: .updateConsumerOffset, ext: header.ext)
        do {
            try await self.client.invokeOneway(request, address: address)
            self.offsets.markCommitted(queue, offset)
        } catch {
            self.logger.debug("consumer.commit.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
        }
    }
}
