import NIOCore
import RocketMQRemoting
import Testing
@testable import RocketMQSandbox

/// The order flag comes from the NameServer's ORDER_TOPIC_CONFIG in registration answers, and what a
/// changed topic table does to the NameServer's queue entries.
@Suite struct OrderAndRegistrationTests {
    private static func answer(_ table: String?) -> RemotingCommand {
        var response = RemotingCommand.reply(.request(code: .registerBroker))
        response.body = table.map { ByteBuffer(string: $0) }
        return response
    }

    @Test func registrationAnswersSetAndClearTheOrderFlag() {
        var broker = StateTest.broker()
        StateTest.call(&broker, .updateAndCreateTopic, [
            "topic": "T", "defaultTopic": "TBW102", "readQueueNums": "4", "writeQueueNums": "4", "perm": "6",
            "topicFilterType": "SINGLE_TAG", "order": "true",
        ])
        #expect(broker.topics["T"]?.order == false)
        let version = broker.topicsVersion
        broker.registered(Self.answer(#"{"table":{"T":"broker-a:4"}}"#), now: StateTest.start + 1)
        #expect(broker.topics["T"]?.order == true)
        #expect(broker.topicsVersion.counter == version.counter + 1)
        // No namespace on the NameServer: no body, nothing changes.
        broker.registered(Self.answer(nil), now: StateTest.start + 2)
        #expect(broker.topics["T"]?.order == true)
        broker.registered(Self.answer(#"{"table":{}}"#), now: StateTest.start + 3)
        #expect(broker.topics["T"]?.order == false)
        #expect(broker.topicsVersion.counter == version.counter + 2)
    }

    @Test func anOrderChangeMakesTheNextFullRegistrationUndoAWipe() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        var nameServer = NameServerState()
        _ = nameServer.handle(StateTest.registration(broker), now: StateTest.start)
        _ = nameServer.handle(.request(code: .wipeWritePermOfBroker, ext: ["brokerName": "broker-a"]), now: StateTest.start)
        #expect(nameServer.topicQueueTable["T"]?["broker-a"]?.perm == 4)
        // Same version: the wipe survives a periodic registration.
        _ = nameServer.handle(StateTest.registration(broker), now: StateTest.start + 1)
        #expect(nameServer.topicQueueTable["T"]?["broker-a"]?.perm == 4)

        let put = nameServer.handle(
            .request(code: .putKVConfig, ext: ["namespace": "ORDER_TOPIC_CONFIG", "key": "T", "value": "broker-a:4"]),
            now: StateTest.start)
        #expect(put?.responseCode == .success)
        let reply = nameServer.handle(StateTest.registration(broker), now: StateTest.start + 2)
        let answer = try #require(reply)
        broker.registered(answer, now: StateTest.start + 2)
        #expect(broker.topics["T"]?.order == true)
        _ = nameServer.handle(StateTest.registration(broker), now: StateTest.start + 3)
        #expect(nameServer.topicQueueTable["T"]?["broker-a"]?.perm == 6)
    }

    @Test func aSendBackThatCreatesARetryTopicRegistersEveryTopic() throws {
        var broker = StateTest.broker()
        StateTest.createTopic(&broker, "T")
        let sent = try #require(StateTest.send(&broker, "T"))
        let msgId = try #require(sent.ext("msgId").flatMap(MessageId.init))
        // A pull creates group G, as a real broker does for an unknown group.
        #expect(StateTest.pull(&broker, "T", offset: 0)?.responseCode == .success)
        let outcome = StateTest.call(
            &broker, .consumerSendMsgBack,
            ["group": "G", "offset": String(msgId.commitLogOffset), "delayLevel": "0", "originMsgId": sent.ext("msgId") ?? ""])
        #expect(outcome.response?.responseCode == .success)
        #expect(broker.topics["%RETRY%G"] != nil)
        #expect(outcome.registration == .allKeepingOrder)
    }

    @Test func theNameServerAnswersRegistrationsWithItsOrderNamespaceOnlyWhenItExists() throws {
        var nameServer = NameServerState()
        let broker = StateTest.broker()
        let first = nameServer.handle(StateTest.registration(broker), now: StateTest.start)
        #expect(first?.responseCode == .success)
        #expect(first?.body == nil)
        _ = nameServer.handle(
            .request(code: .putKVConfig, ext: ["namespace": "ORDER_TOPIC_CONFIG", "key": "T", "value": "broker-a:4"]),
            now: StateTest.start)
        _ = nameServer.handle(
            .request(code: .deleteKVConfig, ext: ["namespace": "ORDER_TOPIC_CONFIG", "key": "T"]), now: StateTest.start)
        let reply = nameServer.handle(StateTest.registration(broker), now: StateTest.start + 1)
        let answer = try #require(reply)
        #expect(answer.body.map { String(buffer: $0) } == #"{"table":{}}"#)
    }
}
