import RocketMQRemoting

extension NameServerState {
    /// `TopicRouteData` for `topic` (`pickupTopicRouteData`), or `nil` when no live broker serves it.
    func routeJSON(topic: String) -> RemotingJSON? {
        guard let queues = self.topicQueueTable[topic], !queues.isEmpty else { return nil }
        let brokerDatas = queues.keys.sorted().compactMap { name in
            self.brokerAddrTable[name].map { Self.brokerDataJSON(name: name, $0) }
        }
        guard !brokerDatas.isEmpty else { return nil }
        let queueDatas: [RemotingJSON] = queues.keys.sorted().map { name in
            let queue = queues[name]!
            return .fields([
                "brokerName": .string(name), "perm": .integer(Int64(queue.perm)),
                "readQueueNums": .integer(Int64(queue.readQueueNums)),
                "topicSysFlag": .integer(Int64(queue.topicSysFlag)),
                "writeQueueNums": .integer(Int64(queue.writeQueueNums)),
            ])
        }
        return .fields(["brokerDatas": .array(brokerDatas), "filterServerTable": .fields([:]), "queueDatas": .array(queueDatas)])
    }

    /// `ClusterInfo`: `brokerAddrTable` and `clusterAddrTable`.
    var clusterInfoJSON: RemotingJSON {
        .fields([
            "brokerAddrTable": .map(
                self.brokerAddrTable, key: { .string($0) },
                value: { Self.brokerDataJSON(name: $0, self.brokerAddrTable[$0]!) }),
            "clusterAddrTable": .map(
                self.clusterAddrTable, key: { .string($0) }, value: { .strings(self.clusterAddrTable[$0]!.sorted()) }),
        ])
    }

    static func brokerDataJSON(name: String, _ data: BrokerData) -> RemotingJSON {
        .fields([
            "brokerAddrs": .map(data.brokerAddrs, key: { .integer($0) }, value: { .string(data.brokerAddrs[$0]!) }),
            "brokerName": .string(name), "cluster": .string(data.cluster),
        ])
    }

    /// `KVTable`: `{"table":{…}}`.
    static func kvTableJSON(_ table: [String: String]) -> RemotingJSON {
        .fields(["table": .map(table, key: { .string($0) }, value: { .string(table[$0]!) })])
    }

    /// `TopicList`: `{"brokerAddr":…,"topicList":[…]}` (no `brokerAddr` key when it is null).
    static func topicListJSON(_ topics: [String], brokerAddr: String? = nil) -> RemotingJSON {
        if let brokerAddr { return .fields(["brokerAddr": .string(brokerAddr), "topicList": .strings(topics)]) }
        return .fields(["topicList": .strings(topics)])
    }
}
