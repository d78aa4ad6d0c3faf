import RocketMQRemoting

extension BrokerState {
    /// HEART_BEAT, UNREGISTER_CLIENT, GET_CONSUMER_LIST_BY_GROUP, GET_CONSUMER/PRODUCER_CONNECTION_LIST,
    /// GET_ALL_PRODUCER_INFO (`ClientManageProcessor`, `ConsumerManageProcessor`, `AdminBrokerProcessor`).
    mutating func handleClients(_ request: RemotingCommand, connection: Connection, now: Int64) -> BrokerOutcome {
        switch request.requestCode {
        case .heartBeat:
            return self.handleHeartbeat(request, connection: connection, now: now)
        case .unregisterClient:
            let clientId = request.ext("clientID") ?? ""
            if let group = request.ext("producerGroup") { self.clients.unregisterProducer(group: group, clientId: clientId) }
            var outcome = BrokerOutcome(request, .reply(request, ext: [:]))
            if let group = request.ext("consumerGroup"), self.clients.unregisterConsumer(group: group, clientId: clientId) {
                outcome.pushes = self.notifications(groups: [group])
            }
            return outcome
        case .getConsumerListByGroup:
            let group = request.ext("consumerGroup") ?? ""
            let ids = self.clients.consumers[group]?.channels.keys.sorted() ?? []
            guard !ids.isEmpty else {
                return BrokerOutcome(request, .reply(request, .systemError, remark: "no consumer for this group, \(group)", ext: [:]))
            }
            return BrokerOutcome(request, .reply(request, ext: [:], body: RemotingJSON.fields(["consumerIdList": .strings(ids)]).body()))
        case .getConsumerConnectionList:
            let group = request.ext("consumerGroup") ?? ""
            guard let info = self.clients.consumers[group] else {
                return BrokerOutcome(request, .reply(request, .consumerNotOnline, remark: "the consumer group[\(group)] not online"))
            }
            let json = RemotingJSON.fields([
                "connectionSet": Self.connectionSet(info.channels), "consumeFromWhere": .string(info.consumeFromWhere),
                "consumeType": .string(info.consumeType), "messageModel": .string(info.messageModel),
                "subscriptionTable": .map(info.subscriptions, key: { .string($0) }, value: { info.subscriptions[$0]! }),
            ])
            return BrokerOutcome(request, .reply(request, body: json.body()))
        case .getAllProducerInfo:
            return BrokerOutcome(request, .reply(request, body: self.producerTable.json.body()))
        default:
            let group = request.ext("producerGroup") ?? ""
            guard let channels = self.clients.producers[group] else {
                return BrokerOutcome(request, .reply(request, .systemError, remark: "the producer group[\(group)] not exist"))
            }
            return BrokerOutcome(request, .reply(request, body: RemotingJSON.fields(["connectionSet": Self.connectionSet(channels)]).body()))
        }
    }

    /// GET_ALL_PRODUCER_INFO's body (`ProducerManager.getProducerTable`); `remoteIP` is the Java
    /// `SocketAddress.toString()`, with its leading slash.
    var producerTable: ProducerTableInfo {
        ProducerTableInfo(
            data: OrderedMap(
                self.clients.producers.keys.sorted().map { group in
                    let channels = self.clients.producers[group] ?? [:]
                    return (
                        group,
                        channels.keys.sorted().compactMap { channels[$0] }.map { channel in
                            ProducerInfo(
                                clientId: channel.clientId, remoteIP: "/\(channel.clientAddr)", language: channel.language,
                                version: Int32(clamping: channel.version), lastUpdateTimestamp: channel.lastUpdateTimestamp)
                        }
                    )
                }))
    }

    private mutating func handleHeartbeat(_ request: RemotingCommand, connection: Connection, now: Int64) -> BrokerOutcome {
        guard let heartbeat = request.jsonBody else {
            return BrokerOutcome(request, .reply(request, .systemError, remark: "heartbeat body is not JSON"))
        }
        let clientId = heartbeat["clientID"].flatMap { try? $0.string() } ?? ""
        let channel = ClientRegistry.Channel(
            connectionID: connection.id, clientId: clientId, clientAddr: connection.remoteAddress,
            language: request.language.name, version: request.version, lastUpdateTimestamp: now)
        var outcome = BrokerOutcome(request, .reply(request))
        var changedGroups: [String] = []
        for consumer in (heartbeat["consumerDataSet"].flatMap { try? $0.array() } ?? []) {
            let group = consumer["groupName"].flatMap { try? $0.string() } ?? ""
            if self.groups[group] == nil {
                self.groups[group] = SubscriptionGroupConfig(groupName: group)
                self.groupsChanged(now: now)
            }
            if let config = self.groups[group],
                self.createTopicIfAbsent("%RETRY%\(group)", queueNums: config.retryQueueNums, now: now)
            {
                outcome.registration = .allKeepingOrder
            }
            var subscriptions: [String: RemotingJSON] = [:]
            for subscription in (consumer["subscriptionDataSet"].flatMap { try? $0.array() } ?? []) {
                if let topic = subscription["topic"].flatMap({ try? $0.string() }) { subscriptions[topic] = subscription }
            }
            let changed = self.clients.registerConsumer(
                group: group, channel: channel,
                consumeType: consumer["consumeType"].flatMap { try? $0.string() } ?? "CONSUME_PASSIVELY",
                messageModel: consumer["messageModel"].flatMap { try? $0.string() } ?? "CLUSTERING",
                consumeFromWhere: consumer["consumeFromWhere"].flatMap { try? $0.string() } ?? "CONSUME_FROM_LAST_OFFSET",
                subscriptions: subscriptions)
            if changed, self.groups[group]?.notifyConsumerIdsChangedEnable != false { changedGroups.append(group) }
        }
        for producer in (heartbeat["producerDataSet"].flatMap { try? $0.array() } ?? []) {
            if let group = producer["groupName"].flatMap({ try? $0.string() }) {
                self.clients.registerProducer(group: group, channel: channel)
            }
        }
        outcome.pushes = self.notifications(groups: changedGroups)
        return outcome
    }

    /// Forgets the clients of a closed connection (`doChannelCloseEvent`) and tells their groups.
    mutating func connectionClosed(id: Int) -> [(connectionID: Int, command: RemotingCommand)] {
        self.notifications(groups: self.clients.remove { $0.connectionID == id })
    }

    /// Forgets clients silent for more than `timeout` ms (`ClientHousekeepingService`) and tells their groups.
    mutating func expireClients(now: Int64, timeout: Int64) -> [(connectionID: Int, command: RemotingCommand)] {
        self.notifications(groups: self.clients.remove { now - $0.lastUpdateTimestamp > timeout })
    }

    /// One NOTIFY_CONSUMER_IDS_CHANGED (oneway, `consumerGroup` ext) to each remaining member of `groups`.
    mutating func notifications(groups: [String]) -> [(connectionID: Int, command: RemotingCommand)] {
        var pushes: [(connectionID: Int, command: RemotingCommand)] = []
        for group in groups {
            for id in self.clients.consumerConnections(group: group) {
                let command = RemotingCommand.oneway(
                    code: .notifyConsumerIdsChanged, ext: ["consumerGroup": group], opaque: self.takeOpaque())
                pushes.append((id, command))
            }
        }
        return pushes
    }

    static func connectionSet(_ channels: [String: ClientRegistry.Channel]) -> RemotingJSON {
        .array(
            channels.keys.sorted().map { id in
                let channel = channels[id]!
                return .fields([
                    "clientAddr": .string(channel.clientAddr), "clientId": .string(channel.clientId),
                    "language": .string(channel.language), "version": .integer(Int64(channel.version)),
                ])
            })
    }
}
