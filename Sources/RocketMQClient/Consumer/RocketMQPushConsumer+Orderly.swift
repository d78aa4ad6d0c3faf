internal import Logging
internal import NIOCore
internal import RocketMQRemoting

extension RocketMQPushConsumer {
    /// How long a broker lock counts as held after it was last granted (`ProcessQueue.REBALANCE_LOCK_MAX_LIVE_TIME`).
    static let lockMaxLiveTime: Duration = .seconds(30)
    /// How long a release waits for the message being consumed before it unlocks the queue (Java's
    /// `tryLock(1000, MILLISECONDS)` on the queue's consume lock).
    static let releaseWaitForConsume: Duration = .seconds(1)

    /// Whether this client holds a fresh broker lock on `queue` (`ProcessQueue.isLocked && !isLockExpired`).
    func holdsLock(_ queue: MessageQueue) -> Bool {
        guard let lockedAt = self.queueLocks[queue] else { return false }
        return lockedAt.duration(to: .now) <= Self.lockMaxLiveTime
    }

    /// LOCK_BATCH_MQ (41) to each broker of `queues` (`RebalanceImpl.lock` / `lockAll`): records which of them
    /// the broker locked for this client, forgets the lock of those it refused, and returns the locked ones.
    /// A broker that cannot be asked leaves its queues' locks as they were (Java logs and moves on).
    @discardableResult
    func lock(_ queues: [MessageQueue]) async -> Set<MessageQueue> {
        var locked: Set<MessageQueue> = []
        for (brokerName, brokerQueues) in Dictionary(grouping: queues, by: \.brokerName).sorted(by: { $0.key < $1.key }) {
            guard let address = self.brokers.masterAddress(of: brokerName) else { continue }
            let body = LockBatchRequestBody(
                consumerGroup: self.configuration.group, clientId: self.clientId, mqSet: brokerQueues.sorted()
            ).byteBuffer()
            do {
                let response = try await self.client.invoke(
                    .request(code: .lockBatchMQ, body: body), address: address, timeout: self.configuration.requestTimeout)
                let granted = Set(
                    try response.requireSuccess(request: .lockBatchMQ, address: address)
                        .decodeBody(LockBatchResponseBody.self, request: .lockBatchMQ, address: address).lockOKMQSet)
                for queue in brokerQueues {
                    if granted.contains(queue) {
                        self.queueLocks[queue] = .now
                        locked.insert(queue)
                    } else {
                        self.queueLocks[queue] = nil
                    }
                }
            } catch {
                self.logger.debug("consumer.lock.failed", metadata: ["broker.addr": "\(address)", "error": "\(error)"])
            }
        }
        return locked
    }

    /// Renews the locks of every owned queue (the periodic `lockAll`).
    func lockAll() async {
        await self.lock(Array(self.processQueues.keys))
    }

    /// UNLOCK_BATCH_MQ (42), oneway, to each broker of `queues`, and forgets their locks.
    func unlock(_ queues: [MessageQueue]) async {
        for (brokerName, brokerQueues) in Dictionary(grouping: queues, by: \.brokerName).sorted(by: { $0.key < $1.key }) {
            for queue in brokerQueues { self.queueLocks[queue] = nil }
            guard let address = self.brokers.masterAddress(of: brokerName) else { continue }
            let body = LockBatchRequestBody(
                consumerGroup: self.configuration.group, clientId: self.clientId, mqSet: brokerQueues.sorted()
            ).byteBuffer()
            do {
                try await self.client.invokeOneway(.request(code: .unlockBatchMQ, body: body), address: address)
            } catch {
                self.logger.debug("consumer.unlock.failed", metadata: ["broker.addr": "\(address)", "error": "\(error)"])
            }
        }
    }

    /// Releases an orderly queue whose pull task was just cancelled (`RebalancePushImpl.removeUnnecessaryMessageQueue`):
    /// waits up to ``releaseWaitForConsume`` for the message in the handler, commits the offset, then unlocks.
    /// When the handler is still busy the lock is kept (the broker lets it expire), so no other client
    /// consumes the queue while this one still is.
    func releaseOrderly(_ queue: MessageQueue, task: Task<Void, Never>) async {
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await task.value
                return true
            }
            group.addTask {
                try? await Task.sleep(for: Self.releaseWaitForConsume)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        await self.commit(queue)
        if finished {
            await self.unlock([queue])
        } else {
            self.queueLocks[queue] = nil
            self.logger.info("consumer.unlock.skipped", metadata: ["consumer.queue": "\(queue)"])
        }
    }

    /// Delivers `message` of a locked queue until the handler accepts it (`ConsumeMessageOrderlyService`):
    /// while the lock is not fresh it locks the queue again (after 100 ms, `tryLockLaterAndReconsume`);
    /// a handler failure waits ``RocketMQPushConsumerConfiguration/suspendCurrentQueueTime`` and delivers
    /// the same message again, before any later one. Returns false when the queue was released meanwhile.
    func consumeOrderly(_ message: MessageExt, from queue: MessageQueue, token: Int) async -> Bool {
        var delivered = message
        if let original = message.properties[MessageProperties.retryTopic], message.topic == self.retryTopic {
            delivered.topic = original
        }
        while !Task.isCancelled, self.processQueues[queue]?.token == token {
            guard self.holdsLock(queue) else {
                try? await Task.sleep(for: .milliseconds(100))
                await self.lock([queue])
                continue
            }
            do {
                try await self.handler(delivered)
                return true
            } catch {
                self.logger.debug("consumer.handler.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
                try? await Task.sleep(for: self.configuration.suspendCurrentQueueTime)
            }
        }
        return false
    }
}
