import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// Issue 14 item 6 for the tables the first pass left unbounded: broker topics, ACL accounts, and the
/// NameServer's topics and broker names. Past a bound the request is refused and the table stays as it was.
@Suite struct StateBoundsTests {
    @Test func brokerTopicsStopAtTheirLimitAndKnownTopicsStillUpdate() throws {
        var broker = Self.broker { $0.maxTopics = StateTest.broker().topics.count + 1 }
        StateTest.createTopic(&broker, "Fits")
        #expect(broker.topics["Fits"] != nil)
        let refused = StateTest.call(&broker, .updateAndCreateTopic, Self.topicFields("OneTooMany"))
        #expect(refused.response?.responseCode == .systemError)
        #expect(refused.response?.remark?.contains("at most") == true)
        #expect(broker.topics["OneTooMany"] == nil)
        StateTest.createTopic(&broker, "Fits", queues: 8)
        #expect(broker.topics["Fits"]?.readQueueNums == 8)
    }

    @Test func aSendBackThatWouldCreateATopicPastTheLimitFails() throws {
        var broker = Self.broker { $0.maxTopics = StateTest.broker().topics.count + 1 }
        StateTest.createTopic(&broker, "T")
        StateTest.call(&broker, .updateAndCreateSubscriptionGroup, body: ByteBuffer(string: #"{"groupName":"G"}"#))
        let sent = try #require(StateTest.send(&broker, "T"))
        let offset = try #require(sent.ext("msgId").flatMap(MessageId.init)).commitLogOffset
        let back = StateTest.call(
            &broker, .consumerSendMsgBack,
            ["group": "G", "offset": "\(offset)", "delayLevel": "0", "originMsgId": "", "originTopic": "T", "unitMode": "false"])
        #expect(back.response?.responseCode == .systemError)
        #expect(back.response?.remark == "topic[%RETRY%G] not exist")
        #expect(broker.topics["%RETRY%G"] == nil)
    }

    @Test func aclAccountsStopAtTheirLimit() throws {
        var broker = Self.broker { $0.maxACLAccounts = 2 }
        broker.acl = AccessValidator(accounts: [SandboxACLAccount(accessKey: "ferryAdmin", secretKey: "ferrySecret123", admin: true)])
        #expect(broker.handleACL(Self.aclUpdate("ferryUser1")).responseCode == .success)
        let refused = broker.handleACL(Self.aclUpdate("ferryUser2"))
        #expect(refused.responseCode == .updateAndCreateAclConfigFailed)
        #expect(broker.acl?.accounts["ferryUser2"] == nil)
        #expect(broker.handleACL(Self.aclUpdate("ferryUser1")).responseCode == .success, "a known account still updates")
    }

    @Test func nameServerTopicsAndBrokerNamesStopAtTheirLimits() throws {
        var nameServer = NameServerState()
        var a = StateTest.broker()
        StateTest.createTopic(&a, "T1")
        #expect(nameServer.handle(StateTest.registration(a), now: 0)?.responseCode == .success)
        let known = nameServer.topicQueueTable.count
        nameServer.maxTopics = known
        nameServer.maxBrokerNames = 1
        StateTest.createTopic(&a, "T2")
        let tooManyTopics = nameServer.handle(StateTest.registration(a), now: 1)
        #expect(tooManyTopics?.responseCode == .systemError)
        #expect(nameServer.topicQueueTable["T2"] == nil && nameServer.topicQueueTable.count == known)
        let b = Self.broker(name: "broker-b") { _ in }
        let tooManyBrokers = nameServer.handle(StateTest.registration(b), now: 1)
        #expect(tooManyBrokers?.responseCode == .systemError)
        #expect(nameServer.brokerAddrTable.keys.sorted() == ["broker-a"])
    }

    @Test func aRegistrationWhoseBodyDoesNotDecodeIsAnErrorNotAnEmptyRegistration() throws {
        var nameServer = NameServerState()
        for body in ["{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":[1,2]}}", "not json"] {
            var request = StateTest.registration(StateTest.broker())
            request.body = ByteBuffer(string: body)
            let response = nameServer.handle(request, now: 0)
            #expect(response?.responseCode == .systemError, "\(body)")
            #expect(nameServer.brokerAddrTable.isEmpty)
        }
    }

    /// A broker like ``StateTest/broker(now:storeCapacity:)`` with its limits changed by `limits`.
    static func broker(name: String = "broker-a", _ limits: (inout SandboxLimits) -> Void) -> BrokerState {
        var configuration = BrokerConfiguration(
            clusterName: "SourceCluster", brokerName: name, brokerAddr: "127.0.0.1:10911",
            nameServerAddr: "127.0.0.1:9876", messageDelayLevel: "1s 5s", acl: nil)
        limits(&configuration.limits)
        return BrokerState(configuration: configuration, now: StateTest.start)
    }

    static func topicFields(_ topic: String) -> RemotingExtFields {
        [
            "topic": topic, "defaultTopic": "TBW102", "readQueueNums": "4", "writeQueueNums": "4", "perm": "6",
            "topicFilterType": "SINGLE_TAG",
        ]
    }

    static func aclUpdate(_ accessKey: String) -> RemotingCommand {
        .request(
            code: .updateAndCreateACLConfig,
            ext: ["accessKey": accessKey, "secretKey": "secret-\(accessKey)", "defaultTopicPerm": "DENY", "defaultGroupPerm": "SUB"])
    }
}
