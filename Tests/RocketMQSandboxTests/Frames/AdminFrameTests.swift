import NIOCore
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// NameServer and broker-admin responses compared with the captured 4.9.8 frames (same request, real socket).
@Suite(.timeLimit(.minutes(2))) struct AdminFrameTests {
    @Test func nameServerAndAdminResponsesMatchTheCaptures() async throws {
        try await SandboxTest.withCluster { cluster in
            let brokerAddress = try #require(cluster.brokerAddresses["broker-a"])
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                try await TestConnection.with(brokerAddress) { broker in
                    func check(_ name: String, on connection: TestConnection, remark: Bool = true) async throws -> RemotingCommand {
                        let fixture = try Fixture(name)
                        let response = try await connection.send(fixture.request)
                        SandboxTest.expectShape(response, like: fixture, remark: remark)
                        return response
                    }
                    _ = try await check("0101_GET_KV_CONFIG__QUERY_NOT_FOUND", on: nameServer)
                    _ = try await check("0100_PUT_KV_CONFIG__SUCCESS", on: nameServer)
                    _ = try await check("v4.9.8-more/0219_GET_KVLIST_BY_NAMESPACE__ORDER_TOPIC_CONFIG__SUCCESS", on: nameServer)
                    _ = try await check("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS", on: broker)
                    _ = try await check("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS_2", on: broker)
                    _ = try await check("0021_GET_ALL_TOPIC_CONFIG__SUCCESS", on: broker)
                    _ = try await check("0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS", on: nameServer)
                    _ = try await check("0105_GET_ROUTEINFO_BY_TOPIC__TBW102__TOPIC_NOT_EXIST", on: nameServer)
                    _ = try await check("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__NoSuchTopic__TOPIC_NOT_EXIST", on: nameServer)
                    let legacy = try await check("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version0_legacy_json", on: nameServer)
                    #expect(legacy.body.map { String(buffer: $0) }?.contains("{0:\"\(brokerAddress)\"}") == true)
                    let standard = try await check("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__request_version401_standard_json", on: nameServer)
                    #expect(standard.body.map { String(buffer: $0) }?.contains("{\"0\":\"\(brokerAddress)\"}") == true)
                    _ = try await check("raw-client/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__acceptStandardJsonOnly_true", on: nameServer)
                    _ = try await check("0106_GET_BROKER_CLUSTER_INFO__SUCCESS", on: nameServer)
                    _ = try await check("v4.9.8-more/0106_GET_BROKER_CLUSTER_INFO__ROCKETMQ__SUCCESS", on: nameServer)
                    _ = try await check("0206_GET_ALL_TOPIC_LIST_FROM_NAMESERVER__SUCCESS", on: nameServer)
                    _ = try await check("0200_UPDATE_AND_CREATE_SUBSCRIPTIONGROUP__SUCCESS", on: broker)
                    _ = try await check("0201_GET_ALL_SUBSCRIPTIONGROUP_CONFIG__SUCCESS", on: broker)
                    let systemTopics = try await check("0305_GET_SYSTEM_TOPIC_LIST_FROM_BROKER__SUCCESS", on: broker)
                    let capturedTopics = try Fixture("0305_GET_SYSTEM_TOPIC_LIST_FROM_BROKER__SUCCESS").response?.body
                    #expect(systemTopics.body == capturedTopics)
                    _ = try await check("0026_GET_BROKER_CONFIG__SUCCESS", on: broker)
                    _ = try await check("0028_GET_BROKER_RUNTIME_INFO__SUCCESS", on: broker)
                    _ = try await check("0300_QUERY_TOPIC_CONSUME_BY_WHO__SUCCESS", on: broker)
                    _ = try await check("0215_DELETE_TOPIC_IN_BROKER__SUCCESS", on: broker)
                    _ = try await check("v4.9.8-more/0999_UNKNOWN_999__REQUEST_CODE_NOT_SUPPORTED", on: broker)

                    // The 4.9.8 NameServer never answers an unknown code: the next request's answer comes first.
                    try await nameServer.write(try Fixture("v4.9.8-more/9999_UNKNOWN_9999__noresponse").request)
                    _ = try await check("0206_GET_ALL_TOPIC_LIST_FROM_NAMESERVER__SUCCESS", on: nameServer)

                    // Broker permission 4: re-registered at once, every route perm becomes 4.
                    _ = try await check("v4.9.8-more/0025_UPDATE_BROKER_CONFIG__SUCCESS_2", on: broker)
                    let readOnly = try await check("v4.9.8-more/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__brokerPermission4__SUCCESS", on: nameServer)
                    #expect(try Self.perm(readOnly) == 4)
                    var restore = try Fixture("v4.9.8-more/0025_UPDATE_BROKER_CONFIG__SUCCESS_2").request
                    restore.body = .init(string: "brokerPermission=6\n")
                    _ = try await broker.send(restore)
                    #expect(try Self.perm(try await nameServer.send(try Fixture("0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS").request)) == 6)

                    // WIPE / ADD write perm change only the NameServer's routes.
                    let wiped = try await check("v4.9.8-more/0205_WIPE_WRITE_PERM_OF_BROKER__SUCCESS", on: nameServer, remark: false)
                    #expect(wiped.ext("wipeTopicCount").flatMap(Int.init) ?? 0 > 0)
                    #expect(try Self.perm(try await nameServer.send(try Fixture("0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS").request)) == 4)
                    _ = try await check("v4.9.8-more/0327_ADD_WRITE_PERM_OF_BROKER__SUCCESS", on: nameServer)
                    #expect(try Self.perm(try await nameServer.send(try Fixture("0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS").request)) == 6)

                    // A raw REGISTER_BROKER as the real broker sent it (last: it re-points broker-a).
                    _ = try await check("0103_REGISTER_BROKER__SUCCESS_3", on: nameServer)
                }
            }
        }
    }

    @Test func orderTopicConfAppearsOnlyWithOrderMessageEnable() async throws {
        var options = SandboxOptions()
        options.orderMessageEnable = true
        try await SandboxTest.withCluster(options: options) { cluster in
            try await TestConnection.with(cluster.nameServerAddress) { nameServer in
                try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                    var create = try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request
                    create.extFields?["topic"] = "MigTopicO"
                    _ = try await broker.send(create)
                    var put = try Fixture("0100_PUT_KV_CONFIG__SUCCESS").request
                    put.extFields?["key"] = "MigTopicO"
                    put.extFields?["value"] = "broker-a:4"
                    _ = try await nameServer.send(put)
                    let fixture = try Fixture("v4.9.8-more/0105_GET_ROUTEINFO_BY_TOPIC__MigTopicO__orderTopicConf__SUCCESS")
                    SandboxTest.expectShape(try await nameServer.send(fixture.request), like: fixture)
                }
            }
        }
    }

    static func perm(_ route: RemotingCommand) throws -> Int64 {
        let json = try RemotingJSON(parsing: try #require(route.body))
        return try #require(json["queueDatas"]?[0]?["perm"]).int64()
    }
}
