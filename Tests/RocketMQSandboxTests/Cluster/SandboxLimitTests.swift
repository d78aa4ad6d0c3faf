import NIOCore
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// Issue 14 items 1, 5 and 6 and issue 12 item 7a: numbers from requests never trap the process, malformed
/// headers get the broker's error, and tables keyed by client input stop at their ``SandboxLimits``.
@Suite(.timeLimit(.minutes(3))) struct SandboxLimitTests {
    @Test func extremeNumbersInRequestsAreAnsweredNotTrapped() async throws {
        try await SandboxTest.withCluster { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                _ = try await broker.send(try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request)
                _ = try await broker.send(try Fixture("0200_UPDATE_AND_CREATE_SUBSCRIPTIONGROUP__SUCCESS").request)
                // suspendTimeoutMillis = Int64.max on an empty queue: held (clamped), not an overflowing deadline.
                try await broker.write(HostileRequests.heldPull(topic: "MigTopicA", suspendMillis: .max))
                // reconsumeTimes = Int32.max, then CONSUMER_SEND_MSG_BACK adds one.
                var send = try Fixture("0310_SEND_MESSAGE_V2__SUCCESS").request
                send.extFields?["j"] = String(Int32.max)
                let sent = try await broker.send(send)
                #expect(sent.responseCode == .success)
                let msgId = try #require(sent.ext("msgId").flatMap(MessageId.init))
                var back = try Fixture("v4.9.8-more/0036_CONSUMER_SEND_MSG_BACK__SUCCESS").request
                back.extFields?["group"] = "MigGroupA"
                back.extFields?["originTopic"] = "MigTopicA"
                back.extFields?["offset"] = String(msgId.commitLogOffset)
                #expect(try await broker.send(back).responseCode == .success)
                // Queue counts outside 0...1024 are refused; the topic is not created.
                for count in ["-1", "2147483647", "1025"] {
                    let refused = try await broker.send(HostileRequests.createTopic("Hostile\(count.count)", readQueueNums: count))
                    #expect(refused.responseCode == .systemError)
                    #expect(refused.remark?.contains("readQueueNums") == true)
                    let stats = try await broker.send(.request(code: .getTopicStatsInfo, ext: ["topic": "Hostile\(count.count)"]))
                    #expect(stats.responseCode == .topicNotExist)
                }
                #expect(try await broker.send(HostileRequests.createTopic("Edge", readQueueNums: "1024")).responseCode == .success)
                let stats = try await broker.send(.request(code: .getTopicStatsInfo, ext: ["topic": "Edge"]))
                #expect(try HostileRequests.memberCount(stats, key: "offsetTable") == 4)
                #expect(try await broker.send(.request(code: .getAllTopicConfig)).responseCode == .success)
            }
        }
    }

    @Test func malformedHeadersGetTheBrokersErrorInsteadOfDefaults() async throws {
        try await SandboxTest.withCluster { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                var noPerm = HostileRequests.createTopic("NoPerm", readQueueNums: "4")
                noPerm.extFields?["perm"] = nil
                let created = try await broker.send(noPerm)
                #expect(created.responseCode == .systemError)
                #expect(created.remark?.contains("perm") == true)
                var badCount = HostileRequests.createTopic("BadCount", readQueueNums: "four")
                badCount.extFields?["writeQueueNums"] = "4"
                #expect(try await broker.send(badCount).responseCode == .systemError)
                let topics = String(buffer: try #require(try await broker.send(.request(code: .getAllTopicConfig)).body))
                #expect(!topics.contains("NoPerm") && !topics.contains("BadCount"), "no topic made of defaults")
                let query = try await broker.send(.request(code: .queryConsumerOffset, ext: ["topic": "MigTopicA"]))
                #expect(query.responseCode == .systemError)
                #expect(query.remark?.contains("consumerGroup") == true)
                let commit = try await broker.send(
                    .request(code: .updateConsumerOffset, ext: ["topic": "T", "consumerGroup": "G", "queueId": "0"]))
                #expect(commit.responseCode == .systemError)
                #expect(commit.remark?.contains("commitOffset") == true)
                var back = try Fixture("v4.9.8-more/0036_CONSUMER_SEND_MSG_BACK__SUCCESS").request
                back.extFields?["delayLevel"] = nil
                let sentBack = try await broker.send(back)
                #expect(sentBack.responseCode == .systemError)
                #expect(sentBack.remark?.contains("delayLevel") == true)
            }
        }
    }

    @Test func heldPullsPastTheBoundAreAnsweredSystemBusy() async throws {
        var options = SandboxOptions()
        options.limits.maxHeldPulls = 4
        try await SandboxTest.withCluster(options: options) { cluster in
            let address = try #require(cluster.brokerAddresses["broker-a"])
            try await TestConnection.with(address) { broker in
                _ = try await broker.send(try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request)
                _ = try await broker.send(try Fixture("0200_UPDATE_AND_CREATE_SUBSCRIPTIONGROUP__SUCCESS").request)
                for opaque in Int32(1)...10 {
                    var pull = HostileRequests.heldPull(topic: "MigTopicA", suspendMillis: 60_000)
                    pull.opaque = opaque
                    try await broker.write(pull)
                }
                // Four are held (no answer for a minute); the other six are refused at once.
                var refused: Set<Int32> = []
                while refused.count < 6, let response = try await broker.nextResponse() {
                    #expect(response.responseCode == .systemBusy)
                    #expect(response.remark == "[OVERLOADED]system busy, start flow control for a while")
                    refused.insert(response.opaque)
                }
                #expect(refused.count == 6)
                #expect(try await broker.send(.request(code: .getAllTopicConfig)).responseCode == .success)
            }
        }
    }

    @Test func tablesKeyedByClientInputStopAtTheirLimits() async throws {
        var options = SandboxOptions()
        options.limits = SandboxLimits(maxGroups: 9, maxConsumerOffsetKeys: 2, maxClients: 3, maxKVEntries: 2)
        try await SandboxTest.withCluster(options: options) { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                // 7 default groups: two more fit, by pull or heartbeat, then both are refused.
                _ = try await broker.send(try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request)
                var pull = MessageFrameTests.pull(topic: "MigTopicA", queueId: 0)
                pull.extFields?["consumerGroup"] = "AutoGroup1"
                #expect(try await broker.send(pull).responseCode != .subscriptionGroupNotExist)
                #expect(try await broker.send(HostileRequests.heartbeat(clientID: "c1", groups: ["AutoGroup2"])).responseCode == .success)
                pull.extFields?["consumerGroup"] = "AutoGroup3"
                #expect(try await broker.send(pull).responseCode == .subscriptionGroupNotExist)
                let refused = try await broker.send(HostileRequests.heartbeat(clientID: "c2", groups: ["AutoGroup4"]))
                #expect(refused.responseCode == .subscriptionGroupNotExist)
                let groups = try await broker.send(.request(code: .getAllSubscriptionGroupConfig))
                #expect(try HostileRequests.memberCount(groups, key: "subscriptionGroupTable") == 9)
                // Clients: c1 holds one registration; two more fit, a fourth is SYSTEM_BUSY, a known one still beats.
                #expect(try await broker.send(HostileRequests.heartbeat(clientID: "c2", groups: ["AutoGroup1", "AutoGroup2"])).responseCode == .success)
                #expect(try await broker.send(HostileRequests.heartbeat(clientID: "c3", groups: ["AutoGroup1"])).responseCode == .systemBusy)
                #expect(try await broker.send(HostileRequests.heartbeat(clientID: "c1", groups: ["AutoGroup2"])).responseCode == .success)
                // Offsets: two topic@group keys, then new keys are dropped; known keys still update.
                for topic in ["T1", "T2", "T3"] {
                    #expect(try await broker.send(HostileRequests.commitOffset(topic: topic, group: "G", offset: 5)).responseCode == .success)
                }
                _ = try await broker.send(HostileRequests.commitOffset(topic: "T1", group: "G", offset: 9))
                let offsets = try await broker.send(.request(code: .getAllConsumerOffset))
                #expect(try HostileRequests.memberCount(offsets, key: "offsetTable") == 2)
                let known = try await broker.send(
                    .request(code: .queryConsumerOffset, ext: ["topic": "T1", "consumerGroup": "G", "queueId": "0"]))
                #expect(known.ext("offset") == "9")
            }
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                #expect(try await nameServer.send(HostileRequests.putKV(namespace: "N", key: "a", value: "1")).responseCode == .success)
                #expect(try await nameServer.send(HostileRequests.putKV(namespace: "M", key: "b", value: "1")).responseCode == .success)
                #expect(try await nameServer.send(HostileRequests.putKV(namespace: "N", key: "c", value: "1")).responseCode == .systemError)
                #expect(try await nameServer.send(HostileRequests.putKV(namespace: "N", key: "a", value: "2")).responseCode == .success)
                let value = try await nameServer.send(.request(code: .getKVConfig, ext: ["namespace": "N", "key": "a"]))
                #expect(value.ext("value") == "2")
            }
        }
    }
}
