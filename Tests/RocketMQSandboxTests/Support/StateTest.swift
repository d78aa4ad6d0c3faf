import NIOCore
import RocketMQRemoting
@testable import RocketMQSandbox

/// Helpers for tests that drive ``BrokerState`` and ``NameServerState`` directly, with no sockets and a clock
/// the test sets.
enum StateTest {
    /// A fixed epoch-ms start time.
    static let start: Int64 = 1_795_286_524_122
    static let connection = BrokerState.Connection(id: 7, remoteAddress: "127.0.0.1:50000")

    /// A fresh `broker-a` of `SourceCluster`.
    static func broker(now: Int64 = start, storeCapacity: Int = 64 * 1024 * 1024) -> BrokerState {
        BrokerState(
            configuration: BrokerConfiguration(
                clusterName: "SourceCluster", brokerName: "broker-a", brokerAddr: "127.0.0.1:10911",
                nameServerAddr: "127.0.0.1:9876", messageDelayLevel: "1s 5s", acl: nil, storeCapacity: storeCapacity),
            now: now)
    }

    /// Answers `code` with `ext` and `body` on the test connection.
    @discardableResult
    static func call(
        _ state: inout BrokerState, _ code: RequestCode, _ ext: RemotingExtFields = [:], body: ByteBuffer? = nil,
        now: Int64 = start
    ) -> BrokerOutcome {
        state.handle(.request(code: code, ext: ext, body: body), connection: connection, now: now)
    }

    /// Creates `topic` with `queues` read and write queues.
    static func createTopic(_ state: inout BrokerState, _ topic: String, queues: Int32 = 4, now: Int64 = start) {
        call(&state, .updateAndCreateTopic, [
            "topic": topic, "defaultTopic": "TBW102", "readQueueNums": "\(queues)", "writeQueueNums": "\(queues)",
            "perm": "6", "topicFilterType": "SINGLE_TAG",
        ], now: now)
    }

    /// SEND_MESSAGE_V2 of `body` to one queue; returns the response.
    @discardableResult
    static func send(
        _ state: inout BrokerState, _ topic: String, queueId: Int32 = 0, body: String = "payload", now: Int64 = start
    ) -> RemotingCommand? {
        let header = SendMessageRequestHeader(
            producerGroup: "P", topic: topic, queueId: queueId, bornTimestamp: now, properties: "")
        return call(&state, .sendMessageV2, header.extFields(v2: true), body: ByteBuffer(string: body), now: now).response
    }

    /// PULL_MESSAGE with its own subscription (`*`), no suspension; returns the response.
    static func pull(
        _ state: inout BrokerState, _ topic: String, queueId: Int32 = 0, offset: Int64, group: String = "G",
        now: Int64 = start
    ) -> RemotingCommand? {
        let header = PullMessageRequestHeader(
            consumerGroup: group, topic: topic, queueId: queueId, queueOffset: offset, sysFlag: .subscription,
            subscription: "*", subVersion: 0)
        return call(&state, .pullMessage, header.extFields, now: now).response
    }
}

extension StateTest {
    /// The REGISTER_BROKER request `broker` sends with its whole topic table (`NameServerRegistrar`).
    static func registration(_ broker: BrokerState, clusterName: String? = nil) -> RemotingCommand {
        let configuration = broker.configuration
        let body = RegisterBrokerBody(topicConfigSerializeWrapper: broker.registeredTopicConfigs()).json.body()
        return .request(
            code: .registerBroker,
            ext: [
                "brokerId": "0", "bodyCrc32": "0", "clusterName": clusterName ?? configuration.clusterName,
                "brokerAddr": configuration.brokerAddr, "haServerAddr": "127.0.0.1:10912", "compressed": "false",
                "brokerName": configuration.brokerName,
            ],
            body: body)
    }

    /// A HEART_BEAT body of client `c1`: consumer group `G` on topic `T`, producer group `PG`.
    static let heartbeat = ByteBuffer(
        string: #"{"clientID":"c1","consumerDataSet":[{"groupName":"G","consumeType":"CONSUME_PASSIVELY","messageModel":"CLUSTERING","consumeFromWhere":"CONSUME_FROM_LAST_OFFSET","subscriptionDataSet":[{"topic":"T","subString":"*","subVersion":1}]}],"producerDataSet":[{"groupName":"PG"}]}"#
    )
}
