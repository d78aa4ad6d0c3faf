internal import Logging
internal import RocketMQRemoting

extension RocketMQPushConsumer {
    /// Re-allocates the readable queues of every subscribed topic over the group's clients
    /// (`RebalanceImpl.rebalanceByTopic`, clustering mode): stops pulling the queues it lost (committing
    /// their offsets first) and starts pulling the ones it gained. A topic without a route, without a
    /// readable queue or whose member list is empty or cannot be had keeps its queues: Java's allocation
    /// throws on an empty queue or member list (`AbstractAllocateMessageQueueStrategy.check`) and the
    /// rebalance of that topic changes nothing.
    func rebalance() async {
        var wanted: Set<MessageQueue> = []
        var keep: Set<String> = []
        for topic in self.subscriptions.keys.sorted() {
            guard let route = self.routes[topic] else {
                keep.insert(topic)
                continue
            }
            let queues = route.subscribeQueues(topic: topic)
            guard !queues.isEmpty else {
                keep.insert(topic)
                self.logger.debug("consumer.rebalance.no-readable-queue", metadata: ["consumer.topic": "\(topic)"])
                continue
            }
            do {
                let ids = try await self.consumerIds(route: route).sorted()
                guard !ids.isEmpty else {
                    keep.insert(topic)
                    continue
                }
                wanted.formUnion(AverageAllocation.allocate(queues: queues, consumerIds: ids, currentId: self.clientId))
            } catch {
                // Without the member list, keep what we have on this topic (Java skips the topic too).
                keep.insert(topic)
                self.logger.debug("consumer.rebalance.failed", metadata: ["consumer.topic": "\(topic)", "error": "\(error)"])
            }
        }
        for queue in self.processQueues.keys where !wanted.contains(queue) && !keep.contains(queue.topic) {
            guard let processQueue = self.processQueues.removeValue(forKey: queue) else { continue }
            processQueue.task.cancel()
            if self.configuration.consumeOrderly {
                await self.releaseOrderly(queue, task: processQueue.task)
            } else {
                await self.commit(queue)
            }
            self.offsets.remove(queue)
            self.logger.info("consumer.queue.released", metadata: ["consumer.queue": "\(queue)"])
        }
        for queue in wanted.sorted() where self.processQueues[queue] == nil {
            // An orderly consumer takes a queue only once its broker locked it for this client (`RebalanceImpl.lock`).
            if self.configuration.consumeOrderly {
                guard await self.lock([queue]).contains(queue), self.processQueues[queue] == nil else { continue }
            }
            do {
                let offset = try await self.startOffset(of: queue)
                // Shut down while waiting for the offset: a pull loop started now would never be cancelled.
                guard self.lifecycle != .shutDown else { return }
                self.offsets.update(queue, to: offset)
                self.offsets.markCommitted(queue, offset)
                let token = self.makeToken()
                let task = Task { [weak self] in
                    guard let self else { return }
                    await self.pullLoop(queue: queue, token: token, from: offset)
                }
                self.processQueues[queue] = ProcessQueue(token: token, task: task)
                self.logger.info(
                    "consumer.queue.assigned",
                    metadata: ["consumer.queue": "\(queue)", "consumer.offset": "\(offset)"]
                )
            } catch {
                self.logger.debug("consumer.offset.failed", metadata: ["consumer.queue": "\(queue)", "error": "\(error)"])
            }
        }
    }

    /// GET_CONSUMER_LIST_BY_GROUP (38) on one broker of `route`: the ids of the group's live clients.
    func consumerIds(route: TopicRouteData) async throws -> [String] {
        let addresses = route.brokerDatas.compactMap(\.masterAddress).sorted()
        guard let address = addresses.randomElement() else {
            throw RocketMQClientError(.noRoute, "the route has no master broker")
        }
        let request = RemotingCommand.request(code: .getConsumerListByGroup, ext: ["consumerGroup": self.configuration.group])
        let response = try await self.client.invoke(request, address: address, timeout: self.configuration.requestTimeout)
        _ = try response.requireSuccess(request: .getConsumerListByGroup, address: address)
        return try response.decodeBody(
            GetConsumerListByGroupResponseBody.self,
            request: .getConsumerListByGroup,
            address: address
        ).consumerIdList
    }

    /// The master address of `queue`'s broker in the client-wide broker table (Java's
    /// `findBrokerAddressInSubscribe`): a broker a route stopped listing stays reachable until the next prune.
    func masterAddress(of queue: MessageQueue) throws(RocketMQClientError) -> String {
        guard let address = self.brokers.masterAddress(of: queue.brokerName) else {
            throw RocketMQClientError(.noRoute, "no master address known for \(queue.brokerName) (topic \(queue.topic))")
        }
        return address
    }
}
