import MigrationEngine
import MigrationStore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// `ferry migrate clients`' report: source consumers whose host asked the proxy are moved, others are not.
@Suite(.timeLimit(.minutes(3))) struct ClientMoveReportTests {
    @Test func consumersOnTheSourceAreMarkedByWhetherTheirHostAskedTheProxy() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            try await ProxyTest.createTopic("Orders", on: source, client: client)
            var configuration = RocketMQPushConsumerConfiguration(group: "G", nameServers: [source.nameServerAddress])
            configuration.heartbeatInterval = .milliseconds(200)
            let consumer = RocketMQPushConsumer(configuration: configuration, logger: ProxyTest.logger) { _ in }
            await consumer.subscribe("Orders")
            await consumer.start()
            let task = MigrationTask(
                name: "task", sourceNameServers: [source.nameServerAddress], targetNameServers: [target.nameServerAddress],
                topics: [MigrationTopic(name: "Orders", groups: ["G"], ordered: false)])
            let admin = RocketMQAdmin(client: client, nameServers: [source.nameServerAddress])
            func access(_ host: String) -> ProxyAccessRecord {
                ProxyAccessRecord(
                    task: "task", topic: "Orders", host: host, lastAddress: "\(host):5000", firstSeenMillis: 1,
                    lastSeenMillis: 2, queries: 3)
            }
            let notMoved = await ClientMoveReport.build(
                task: task, accesses: [access("10.9.9.9")], health: nil, source: admin, producerGroups: [])
            let moved = await ClientMoveReport.build(
                task: task, accesses: [access("127.0.0.1")], health: nil, source: admin, producerGroups: [])
            await consumer.shutdown()
            await client.shutdown()
            #expect(notMoved.topics.first?.sourceClients.map(\.onProxy) == [false])
            #expect(notMoved.topics.first?.notMoved == 1)
            #expect(moved.topics.first?.sourceClients.map(\.role) == ["consumer"])
            #expect(moved.topics.first?.sourceClients.map(\.onProxy) == [true])
            #expect(moved.topics.first?.notMoved == 0)
            #expect(moved.warnings.isEmpty)
        }
    }
}
