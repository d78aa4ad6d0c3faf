import NIOCore
import RocketMQRemoting

/// The remote inputs of issue 14 (items 1–6), as requests a raw socket sends.
enum HostileRequests {
    /// A pull that asks to be held on an empty queue of `topic`.
    static func heldPull(topic: String, group: String = "MigGroupA", suspendMillis: Int64 = 10_000) -> RemotingCommand {
        let header = PullMessageRequestHeader(
            consumerGroup: group, topic: topic, queueId: 0, queueOffset: 0, sysFlag: [.suspend, .subscription],
            suspendTimeoutMillis: suspendMillis, subscription: "*", subVersion: 0)
        return .request(code: .pullMessage, ext: header.extFields)
    }

    /// UPDATE_AND_CREATE_TOPIC with the given queue counts (as text, so any value can be sent).
    static func createTopic(_ topic: String, readQueueNums: String, writeQueueNums: String = "4") -> RemotingCommand {
        .request(
            code: .updateAndCreateTopic,
            ext: [
                "topic": topic, "defaultTopic": "TBW102", "readQueueNums": readQueueNums,
                "writeQueueNums": writeQueueNums, "perm": "6", "topicFilterType": "SINGLE_TAG", "topicSysFlag": "0",
                "order": "false",
            ])
    }

    /// A heartbeat of `clientID` joining the consumer groups `groups`.
    static func heartbeat(clientID: String, groups: [String]) -> RemotingCommand {
        let consumers = groups.map { group in
            "{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\"\(group)\",\"messageModel\":\"CLUSTERING\",\"subscriptionDataSet\":[],\"unitMode\":false}"
        }
        let body = "{\"clientID\":\"\(clientID)\",\"consumerDataSet\":[\(consumers.joined(separator: ","))],\"producerDataSet\":[]}"
        return .request(code: .heartBeat, body: ByteBuffer(string: body))
    }

    /// UPDATE_CONSUMER_OFFSET for `topic@group`.
    static func commitOffset(topic: String, group: String, offset: Int64) -> RemotingCommand {
        .request(
            code: .updateConsumerOffset,
            ext: UpdateConsumerOffsetRequestHeader(consumerGroup: group, topic: topic, queueId: 0, commitOffset: offset).ext)
    }

    /// PUT_KV_CONFIG.
    static func putKV(namespace: String, key: String, value: String) -> RemotingCommand {
        .request(code: .putKVConfig, ext: ["namespace": namespace, "key": key, "value": value])
    }

    /// UPDATE_BROKER_CONFIG with `count` properties.
    static func brokerConfig(count: Int) -> RemotingCommand {
        var text = ""
        for index in 0..<count { text += "hostileKey\(index)=\(index)\n" }
        return .request(code: .updateBrokerConfig, body: ByteBuffer(string: text))
    }

    /// A JSON-header frame carrying `count` ext fields.
    static func manyExtFields(_ count: Int) throws -> [UInt8] {
        var command = RemotingCommand.request(code: .getAllTopicConfig)
        command.extFields = RemotingExtFields((0..<count).map { ("k\($0)", "v") })
        command.opaque = 1
        return Array(try command.encodedFrame().readableBytesView)
    }

    /// The number of members of the JSON object at `key` in a response body.
    static func memberCount(_ response: RemotingCommand, key: String) throws -> Int {
        guard let body = response.body, case .object(let object)? = try RemotingJSON(parsing: body)[key] else { return 0 }
        return object.count
    }
}
