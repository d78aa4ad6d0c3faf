import Logging
import RocketMQClient
import RocketMQRemoting
import RocketMQTestSupport
import Testing

@Suite(.timeLimit(.minutes(2))) struct RocketMQInspectorTests {
    func withInspector(_ body: (RocketMQInspector) async throws -> Void) async throws {
        let captures = [
            "0106_GET_BROKER_CLUSTER_INFO__SUCCESS", "0105_GET_ROUTEINFO_BY_TOPIC__MigTopicA__SUCCESS",
            "0206_GET_ALL_TOPIC_LIST_FROM_NAMESERVER__SUCCESS",
        ]
        let server = try await FakeRemotingServer.replaying(try captures.map(Fixtures.exchange))
        let client = RemotingClient(logger: Logger.test("test.inspect"))
        do {
            try await body(RocketMQInspector(admin: RocketMQAdmin(client: client, nameServers: [server.address])))
        } catch {
            await client.shutdown()
            await server.shutdown()
            throw error
        }
        await client.shutdown()
        await server.shutdown()
    }

    @Test func clusterAndRouteTablesAreAligned() async throws {
        try await self.withInspector { inspector in
            let cluster = try await inspector.cluster().text
            let route = try await inspector.route(topic: "MigTopicA").text
            #expect(cluster == """
                #Cluster Name  #Broker Name  #BID  #Addr
                SourceCluster  broker-a      0     127.0.0.1:10911

                """)
            #expect(route == """
                #Broker Name  #Master Addr     #ReadQueues  #WriteQueues  #Perm
                broker-a      127.0.0.1:10911  4            4             RW-

                """)
        }
    }

    @Test func topicsAsJSON() async throws {
        try await self.withInspector { inspector in
            let json = try await inspector.topics().json
            #expect(json.hasPrefix("[{\"topic\":\"BenchmarkTest\"},{\"topic\":\"MigTopicA\"}"))
        }
    }

    /// Issue 12 item 4: `--json route` printed display headers as keys and numbers as strings.
    @Test func routeAsJSONIsTypedData() async throws {
        try await self.withInspector { inspector in
            let json = try RemotingJSON(parsing: try await inspector.route(topic: "MigTopicA").json)
            let first = try #require(try json.array().first)
            #expect(first["brokerName"] == .string("broker-a"))
            #expect(first["readQueueNums"] == .integer(4))
            #expect(first["writeQueueNums"] == .integer(4))
            #expect(first["perm"] == .integer(6))
            #expect(first["ReadQueues"] == nil)
        }
    }

    @Test func booleanAndIntegerCellsBecomeJSONValues() throws {
        let table = InspectTable(
            columns: ["Group", "Consume", "RetryQueues"],
            fields: [.string("groupName"), .boolean("consumeEnable"), .integer("retryQueueNums")],
            rows: [["G", "true", "1"], ["H", "false", "-"]])
        #expect(table.json == "[{\"groupName\":\"G\",\"consumeEnable\":true,\"retryQueueNums\":1},"
            + "{\"groupName\":\"H\",\"consumeEnable\":false,\"retryQueueNums\":null}]\n")
    }

    @Test func footerFollowsTheRows() {
        let table = InspectTable(columns: ["Topic", "Diff"], fields: [.string("topic"), .integer("diff")], rows: [["T", "5"], ["LongTopic", "10"]], footer: ["Diff Total: 15"])
        #expect(table.text == "#Topic     #Diff\nT          5\nLongTopic  10\nDiff Total: 15\n")
    }
}
