internal import Logging
internal import RocketMQRemoting

extension RocketMQPushConsumer {
    /// Re-allocates the readable queues of every subscribed topic over the group's clients
    /// (`RebalanceImpl.rebalanceByTopic`, clustering mode): stops pulling the queues it lost (committing
    /// their offsets first) and starts pulling the ones it gained.
    func rebalance() async {
        var wanted: Set<MessageQueue> = []
        var keep: Set<String> = []
        for topic in self.subscriptions.keys.sorted() {
            guard let route = self.routes[topic] else { continue }
            let queues = route.subscribeQueues(topic: topic)
            guard !queues.isEmpty else { continue }
            do {
                let ids = try await self.consumerIds(route: route).sorted()
                wanted.formUnion(AverageAllocation.allocate(queues: queues, consumerIds: ids, currentId: self.clientId))
            } catch {
                // Without the member list, keep what we have on this topic (Java skips the topic too).
                keep.insert(topic)
                self.logger.debug("consumer.rebalance.failed", metadata: ["consumer.topic": "\(topic)", "error": "\(error)"])
            }
        }
        for queue in self.processQueues.keys where !wanted.contains(queue) && !keep.contains(queue.topic) {
            self.processQueues.removeValue(forKey: queue)?.task.cancel()
            await self.commit(queue)
            self.offsets.remove(queue)
            self.logger.info("consumer.queue.released", metadata: ["consumer.queue": "\(queue)"])
        }
        for queue in wanted.sorted() where self.processQueues[queue] == nil {
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

    /// Where to start pulling `queue` (`RebalancePushImpl.computePullFromWhere`): the committed offset
    /// (QUERY_CONSUMER_OFFSET), else 0 for the retry topic and CONSUME_FROM_FIRST_OFFSET, else the
    /// queue's max offset (GET_MAX_OFFSET).
    func startOffset(of queue: MessageQueue) async throws -> Int64 {
        let address = try self.masterAddress(of: queue)
        let header = QueryConsumerOffsetRequestHeader(
            consumerGroup: self.configuration.group, topic: queue.topic, queueId: queue.queueId,
            brokerName: queue.brokerName)
        let query = RemotingCommand.request(code: .queryConsumerOffset, ext: header.ext)
        let response = try await self.client.invoke(query, address: address, timeout: self.configuration.requestTimeout)
        if response.responseCode != .queryNotFound {
            let offset = try response.requireSuccess(request: .queryConsumerOffset, address: address)
                .requireInt64Ext("offset", request: .queryConsumerOffset, address: address)
            if offset >= 0 { return offset }
        }
        if queue.topic == self.retryTopic || self.configuration.consumeFromWhere == .firstOffset { return 0 }
        let maxRequest = RemotingCommand.request(
            code: .getMaxOffset,
            ext: ["topic": queue.topic, "queueId": "\(queue.queueId)", "bname": queue.brokerName]
        )
        return try await self.client.invoke(maxRequest, address: address, timeout: self.configuration.requestTimeout)
            .requireSuccess(request: .getMaxOffset, address: address)
            .requireInt64Ext("offset", request: .getMaxOffset, address: address)
    }

    /// The master address of `queue`'s broker in the current routes.
    func masterAddress(of queue: MessageQueue) throws(RocketMQClientError) -> String {
        guard let address = self.routes[queue.topic]?.masterAddress(of: queue.brokerName) else {
            throw RocketMQClientError(.noRoute, "no master for \(queue.brokerName) in the route of \(queue.topic)")
        }
        return address
    }
}
