import Logging
import NIOCore
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import RocketMQTestSupport
import Testing

/// `RocketMQInspector.progress` and `.connections` against a 2-broker sandbox cluster, where the route of
/// `%RETRY%group` points at brokers that answer (the replayed captures in `RocketMQInspectorTests` cannot).
@Suite(.serialized, .timeLimit(.minutes(2))) struct InspectorSandboxTests {
    let logger = Logger.test("test.inspect.sandbox")

    /// Creates `topic` with 4 queues on every broker and makes the brokers register it.
    func createTopic(_ topic: String, queues: Int32 = 4, on fixture: ClusterFixture) async throws {
        for address in fixture.cluster.brokerAddresses.values.sorted() {
            try await fixture.admin.createOrUpdateTopic(
                TopicConfig(topicName: topic, readQueueNums: queues, writeQueueNums: queues), broker: address)
        }
        await fixture.cluster.registerBrokers()
    }

    /// The column starts of a text table line: offsets where a cell begins after the (at least) two-space
    /// gap between columns; a single space is part of a cell ("#Broker Name").
    func columnStarts(_ line: String) -> [Int] {
        let characters = Array(line)
        return characters.indices.filter { index in
            characters[index] != " " && (index == 0 || (index >= 2 && characters[index - 1] == " " && characters[index - 2] == " "))
        }
    }

    @Test func progressShowsEveryQueueOfBothBrokersWithItsBacklog() async throws {
        try await ClusterFixture.with(name: "InspectProgress", brokerNames: ["broker-a", "broker-b"], logger: self.logger) { fixture in
            let (topic, group) = ("ProgressTopic", "ProgressGroup")
            try await self.createTopic(topic, on: fixture)
            for address in fixture.cluster.brokerAddresses.values {
                try await fixture.admin.createOrUpdateGroup(SubscriptionGroupConfig(groupName: group), broker: address)
            }
            // consumerProgress finds the group's brokers through %RETRY%group; a consumer's first heartbeat
            // creates it, and no consumer runs here, so create it as that heartbeat would (1 queue).
            try await self.createTopic("%RETRY%\(group)", queues: 1, on: fixture)

            var configuration = RocketMQProducerConfiguration(group: "ProgressProducer", nameServers: [fixture.cluster.nameServerAddress])
            configuration.sendTimeout = .seconds(10)
            let producer = fixture.producer(configuration, logger: self.logger)
            await producer.start()
            let total = 40
            var produced: [String: [Int32: Int64]] = [:]  // broker name → queue → messages
            for index in 0..<total {
                let result = try await producer.send(RocketMQMessage(topic: topic, body: ByteBuffer(string: "m\(index)")))
                produced[result.queue.brokerName, default: [:]][result.queue.queueId, default: 0] += 1
                #expect(result.queueOffset == produced[result.queue.brokerName]![result.queue.queueId]! - 1)
            }
            #expect(produced.keys.sorted() == ["broker-a", "broker-b"], "round robin reaches both brokers")

            // Commit queue i's first i messages (so queue 0 commits 0) with UPDATE_CONSUMER_OFFSET.
            var committed: [String: [Int32: Int64]] = [:]
            for (brokerName, address) in fixture.cluster.brokerAddresses {
                for queueId in Int32(0)..<4 {
                    let offset = min(Int64(queueId), produced[brokerName]?[queueId] ?? 0)
                    committed[brokerName, default: [:]][queueId] = offset
                    let request = RemotingCommand.request(
                        code: .updateConsumerOffset,
                        ext: ["consumerGroup": group, "topic": topic, "queueId": "\(queueId)", "commitOffset": "\(offset)"])
                    let response = try await fixture.client.invoke(request, address: address)
                    #expect(response.responseCode == .success)
                }
            }
            let producedTotal = produced.values.flatMap(\.values).reduce(0, +)
            let committedTotal = committed.values.flatMap(\.values).reduce(0, +)
            #expect(producedTotal == Int64(total))
            #expect(committedTotal > 0 && committedTotal < producedTotal)

            let table = try await RocketMQInspector(admin: fixture.admin).progress(group: group)
            var expected: [[String]] = []
            for brokerName in ["broker-a", "broker-b"] {
                for queueId in Int32(0)..<4 {
                    let brokerOffset = produced[brokerName]?[queueId] ?? 0
                    let consumerOffset = committed[brokerName]![queueId]!
                    expected.append([
                        topic, brokerName, "\(queueId)", "\(brokerOffset)", "\(consumerOffset)", "\(brokerOffset - consumerOffset)",
                    ])
                }
            }
            #expect(table.columns == ["Topic", "Broker Name", "QID", "Broker Offset", "Consumer Offset", "Diff"])
            #expect(table.rows == expected)
            #expect(table.footer.contains("Diff Total: \(producedTotal - committedTotal)"))

            // Text: a header and one line per row, every one with the header's column starts, then the footer.
            let lines = table.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let body = Array(lines.prefix(1 + expected.count))
            #expect(body.first?.hasPrefix("#Topic") == true)
            let starts = self.columnStarts(body[0])
            #expect(starts.count == 6)
            for line in body.dropFirst() { #expect(self.columnStarts(line) == starts, "\(line)") }
            #expect(Array(lines.dropFirst(body.count)) == table.footer + [""])

            // JSON (issue 12 item 4): one object per row with RocketMQ's camelCase names, numbers as numbers.
            let json = try RemotingJSON(parsing: table.json)
            let objects = try json.array()
            #expect(objects.count == expected.count)
            for (object, row) in zip(objects, expected) {
                #expect(object["topic"] == .string(row[0]))
                #expect(object["brokerName"] == .string(row[1]))
                #expect(object["queueId"] == .integer(Int64(row[2]) ?? -1))
                #expect(object["brokerOffset"] == .integer(Int64(row[3]) ?? -1))
                #expect(object["consumerOffset"] == .integer(Int64(row[4]) ?? -1))
                #expect(object["diff"] == .integer(Int64(row[5]) ?? -1))
            }
            #expect(!table.json.contains("Broker Name"))
        }
    }

    @Test func connectionsListTheOnlineConsumerThenReportNotOnline() async throws {
        try await ClusterFixture.with(name: "InspectConnections", brokerNames: ["broker-a", "broker-b"], logger: self.logger) { fixture in
            let (topic, group) = ("ConnectionsTopic", "ConnectionsGroup")
            try await self.createTopic(topic, on: fixture)
            var configuration = RocketMQPushConsumerConfiguration(group: group, nameServers: [fixture.cluster.nameServerAddress])
            configuration.routeRefreshInterval = .seconds(1)
            configuration.heartbeatInterval = .seconds(1)
            configuration.rebalanceInterval = .seconds(1)
            configuration.brokerSuspendTime = .seconds(1)
            configuration.pullDelayOnError = .milliseconds(200)
            let consumer = fixture.consumer(configuration, logger: self.logger) { _ in }
            await consumer.subscribe(topic)
            await consumer.start()

            let inspector = RocketMQInspector(admin: fixture.admin)
            // The heartbeat creates %RETRY%group on the brokers, which then register it with the NameServer.
            var table: InspectTable?
            for _ in 0..<100 where table == nil {
                table = try? await inspector.connections(group: group)
                if table == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let connections = try #require(table)
            #expect(connections.columns == ["ClientId", "ClientAddr", "Language", "Version"])
            #expect(connections.rows.count == 1)
            #expect(connections.rows.first?[0] == consumer.clientId)
            #expect(connections.rows.first?[1].hasPrefix("127.0.0.1:") == true)
            #expect(connections.rows.first?[1] != "127.0.0.1:")
            #expect(connections.rows.first?[2] == "JAVA")
            #expect(connections.footer.contains("Subscription: \(topic) *"))
            #expect(connections.text.contains(consumer.clientId))
            let json = try RemotingJSON(parsing: connections.json)
            #expect(try json[0]?["clientId"]?.string() == consumer.clientId)
            #expect(json[0]?["version"].map { if case .integer = $0 { true } else { false } } == true)

            // Shutdown unregisters the client: like mqadmin, the broker's CONSUMER_NOT_ONLINE (206) surfaces.
            await consumer.shutdown()
            let error = await #expect(throws: RocketMQClientError.self) { try await inspector.connections(group: group) }
            #expect(error?.code == .responseError)
            #expect(error?.responseCode == 206)
            #expect(error?.remark?.contains("not online") == true)
        }
    }
}
