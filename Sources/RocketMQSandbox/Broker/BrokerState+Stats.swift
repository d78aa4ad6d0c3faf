import RocketMQRemoting

extension BrokerState {
    /// GET_CONSUME_STATS, GET_TOPIC_STATS_INFO, GET_BROKER_RUNTIME_INFO, QUERY_TOPIC_CONSUME_BY_WHO.
    func handleStats(_ request: RemotingCommand, now: Int64) -> RemotingCommand {
        switch request.requestCode {
        case .getConsumeStats:
            return .reply(request, body: self.consumeStatsJSON(group: request.ext("consumerGroup") ?? "", topic: request.ext("topic"), now: now).body())
        case .getTopicStatsInfo:
            let topic = request.ext("topic") ?? ""
            guard let config = self.topics[topic] else {
                return .reply(request, .topicNotExist, remark: "topic[\(topic)] not exist")
            }
            let members: [(RemotingJSON, RemotingJSON)] = (0..<config.writeQueueNums).map { queueId in
                let max = self.store.maxOffset(topic: topic, queueId: queueId)
                let last = max > 0 ? self.store.entry(topic: topic, queueId: queueId, offset: max - 1)?.storeTimestamp ?? 0 : 0
                return (
                    self.messageQueueJSON(topic: topic, queueId: queueId),
                    .fields([
                        "lastUpdateTimestamp": .integer(last), "maxOffset": .integer(max),
                        "minOffset": .integer(self.store.minOffset(topic: topic, queueId: queueId)),
                    ])
                )
            }
            return .reply(request, body: RemotingJSON.fields(["offsetTable": .object(RemotingJSONObject(members))]).body())
        case .queryTopicConsumeByWho:
            let topic = request.ext("topic") ?? ""
            var groups = Set(self.clients.groups(subscribing: topic))
            for key in self.consumerOffsets.keys where key.hasPrefix("\(topic)@") { groups.insert(String(key.dropFirst(topic.count + 1))) }
            return .reply(request, body: RemotingJSON.fields(["groupList": .strings(groups.sorted())]).body())
        default:
            return .reply(request, body: NameServerState.kvTableJSON(self.runtimeInfo(now: now)).body())
        }
    }

    /// fastjson's object key for a `MessageQueue`.
    func messageQueueJSON(topic: String, queueId: Int32) -> RemotingJSON {
        .fields([
            "brokerName": .string(self.configuration.brokerName), "queueId": .integer(Int64(queueId)),
            "topic": .string(topic),
        ])
    }

    /// `ConsumeStats` of `group` over `topic`, or over every topic the group has offsets for; `consumeTps` is
    /// the messages per second the group pulled over the last minute (`tpsGroupGetNums`).
    func consumeStatsJSON(group: String, topic: String?, now: Int64) -> RemotingJSON {
        let topics: [String]
        if let topic, !topic.isEmpty {
            topics = [topic]
        } else {
            topics = self.consumerOffsets.keys.filter { $0.hasSuffix("@\(group)") }.map { String($0.dropLast(group.count + 1)) }.sorted()
        }
        let online = self.clients.consumers[group]
        var members: [(RemotingJSON, RemotingJSON)] = []
        for topic in topics {
            guard let config = self.topics[topic] else { continue }
            if let online, !online.subscriptions.isEmpty, online.subscriptions[topic] == nil { continue }
            for queueId in 0..<config.readQueueNums {
                let brokerOffset = self.store.maxOffset(topic: topic, queueId: queueId)
                let consumerOffset = max(self.consumerOffsets["\(topic)@\(group)"]?[queueId] ?? 0, 0)
                let last = consumerOffset > 0
                    ? self.store.entry(topic: topic, queueId: queueId, offset: consumerOffset - 1)?.storeTimestamp ?? 0 : 0
                members.append((
                    self.messageQueueJSON(topic: topic, queueId: queueId),
                    .fields([
                        "brokerOffset": .integer(brokerOffset), "consumerOffset": .integer(consumerOffset),
                        "lastTimestamp": .integer(last),
                    ])
                ))
            }
        }
        let consumeTps = topics.reduce(0) { $0 + self.stats.consumeTps(topic: $1, group: group, now: now) }
        return .fields(["consumeTps": .double(consumeTps), "offsetTable": .object(RemotingJSONObject(members))])
    }

    /// VIEW_BROKER_STATS_DATA (`statsName`, `statsKey`): a counter's minute, hour and day snapshots.
    func handleViewStats(_ request: RemotingCommand, now: Int64) -> RemotingCommand {
        let name = request.ext("statsName") ?? "", key = request.ext("statsKey") ?? ""
        guard let snapshots = self.stats.snapshots(name: name, key: key, now: now) else {
            return .reply(request, .systemError, remark: "The stats <\(name)> <\(key)> not exist")
        }
        func item(_ snapshot: StatsItem.Snapshot) -> RemotingJSON {
            .fields(["avgpt": .double(snapshot.avgpt), "sum": .integer(snapshot.sum), "tps": .double(snapshot.tps)])
        }
        let json = RemotingJSON.fields([
            "statsDay": item(snapshots.day), "statsHour": item(snapshots.hour), "statsMinute": item(snapshots.minute),
        ])
        return .reply(request, body: json.body())
    }
}
