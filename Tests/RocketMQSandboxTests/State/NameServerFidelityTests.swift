import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// KV namespaces, PUT_KV_CONFIG validation and per-cluster topic deletion as a 4.9.8 NameServer does them.
@Suite struct NameServerFidelityTests {
    @Test func anEmptiedNamespaceStillListsAsAnEmptyTable() throws {
        var nameServer = NameServerState()
        let kv: RemotingExtFields = ["namespace": "ORDER_TOPIC_CONFIG", "key": "T", "value": "broker-a:4"]
        _ = nameServer.handle(.request(code: .putKVConfig, ext: kv), now: 0)
        _ = nameServer.handle(.request(code: .deleteKVConfig, ext: ["namespace": "ORDER_TOPIC_CONFIG", "key": "T"]), now: 0)
        let reply = nameServer.handle(.request(code: .getKVListByNamespace, ext: ["namespace": "ORDER_TOPIC_CONFIG"]), now: 0)
        let list = try #require(reply)
        #expect(list.responseCode == .success)
        #expect(list.body.map { String(buffer: $0) } == #"{"table":{}}"#)
    }

    @Test func putKVConfigWithAMissingFieldIsAnError() throws {
        var nameServer = NameServerState()
        let reply = nameServer.handle(.request(code: .putKVConfig, ext: ["namespace": "N", "key": "K"]), now: 0)
        let response = try #require(reply)
        #expect(response.responseCode == .systemError)
        #expect(response.remark?.contains("value") == true)
        #expect(nameServer.kvTable["N"] == nil)
    }

    @Test func deleteTopicWithAClusterNameKeepsOtherClustersQueues() throws {
        var nameServer = NameServerState()
        var a = StateTest.broker()
        StateTest.createTopic(&a, "T")
        let b = BrokerState(
            configuration: BrokerConfiguration(
                clusterName: "TargetCluster", brokerName: "broker-b", brokerAddr: "127.0.0.1:20911",
                nameServerAddr: "127.0.0.1:9876", messageDelayLevel: "1s", acl: nil),
            now: StateTest.start)
        var withTopic = b
        StateTest.createTopic(&withTopic, "T")
        _ = nameServer.handle(StateTest.registration(a), now: 0)
        _ = nameServer.handle(StateTest.registration(withTopic), now: 0)
        #expect(nameServer.topicQueueTable["T"]?.keys.sorted() == ["broker-a", "broker-b"])
        let deleted = nameServer.handle(
            .request(code: .deleteTopicInNamesrv, ext: ["topic": "T", "clusterName": "SourceCluster"]), now: 0)
        #expect(deleted?.responseCode == .success)
        #expect(nameServer.topicQueueTable["T"]?.keys.sorted() == ["broker-b"])
        _ = nameServer.handle(.request(code: .deleteTopicInNamesrv, ext: ["topic": "T", "clusterName": "TargetCluster"]), now: 0)
        #expect(nameServer.topicQueueTable["T"] == nil)
    }
}
