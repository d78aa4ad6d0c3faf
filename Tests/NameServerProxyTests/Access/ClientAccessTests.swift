import MigrationStore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import Testing

/// Which client hosts asked for which topic: bounded in memory, persisted for `ferry migrate clients`.
@Suite struct ClientAccessTrackerTests {
    @Test func hostsAreBoundedPerTopicAndTopicsOverall() {
        var limits = ClientAccessLimits()
        limits.maxTopics = 2
        limits.maxHostsPerTopic = 3
        let tracker = ClientAccessTracker(limits: limits)
        for host in 1...5 { tracker.record(topic: "A", address: "10.0.0.\(host):4000", nowMillis: Int64(host)) }
        tracker.record(topic: "B", address: "10.0.0.9:1", nowMillis: 10)
        tracker.record(topic: "C", address: "10.0.0.9:1", nowMillis: 11)
        #expect(tracker.hosts(topic: "A") == ["10.0.0.3", "10.0.0.4", "10.0.0.5"])
        #expect(tracker.hosts(topic: "C").isEmpty)
        #expect(tracker.counts.topics == 2)
    }

    @Test func oneRowPerHostWhateverThePortAndOldHostsExpire() {
        var limits = ClientAccessLimits()
        limits.expiry = .seconds(60)
        let tracker = ClientAccessTracker(limits: limits)
        tracker.record(topic: "A", address: "10.0.0.1:4000", nowMillis: 1_000)
        tracker.record(topic: "A", address: "10.0.0.1:4001", nowMillis: 2_000)
        tracker.record(topic: "A", address: "10.0.0.2:5000", nowMillis: 70_000)
        let records = tracker.drainChanges(task: "t").sorted { $0.host < $1.host }
        #expect(records.map(\.host) == ["10.0.0.1", "10.0.0.2"])
        #expect(records[0].lastAddress == "10.0.0.1:4001" && records[0].queries == 2 && records[0].firstSeenMillis == 1_000)
        #expect(tracker.drainChanges(task: "t").isEmpty)
        tracker.expire(nowMillis: 100_000)
        #expect(tracker.hosts(topic: "A") == ["10.0.0.2"])
    }
}

@Suite struct ProxyAccessStoreTests {
    @Test func recordsUpsertPerHostAndArePrunedByAgeAndCount() async throws {
        let store = ProxyAccessStore(database: try MigrationDatabase.inMemory())
        func record(_ topic: String, _ host: String, seen: Int64, queries: Int64 = 1) -> ProxyAccessRecord {
            ProxyAccessRecord(
                task: "t", topic: topic, host: host, lastAddress: "\(host):1", firstSeenMillis: 0, lastSeenMillis: seen,
                queries: queries)
        }
        try await store.record([record("A", "h1", seen: 10), record("A", "h2", seen: 20)], olderThan: 0, maxRows: 10)
        try await store.record([record("A", "h1", seen: 30, queries: 5)], olderThan: 0, maxRows: 10)
        #expect(try store.accesses(task: "t").map(\.queries) == [5, 1])
        try await store.record([record("B", "h3", seen: 40), record("B", "h4", seen: 50)], olderThan: 25, maxRows: 2)
        #expect(try store.accesses(task: "t").map(\.host) == ["h3", "h4"])
        #expect(try store.accesses(task: "other").isEmpty)
        #expect(try store.hosts(task: "t", topic: "B") == ["h3", "h4"])
        #expect(try store.hosts(task: "t", topic: "A").isEmpty, "pruned by age")
        #expect(try store.hosts(task: "other", topic: "B").isEmpty)
    }

    @Test func healthIsWrittenInTheSameTransactionAsTheRecords() async throws {
        let store = ProxyAccessStore(database: try MigrationDatabase.inMemory())
        let health = ProxyHealthRecord(
            task: "t", listen: "127.0.0.1:9876", updatedMillis: 5, sourceReachable: true, targetReachable: false,
            cachedTopics: 3, warning: "target unreachable")
        #expect(try store.health(task: "t") == nil)
        try await store.record([], health: health, olderThan: 0, maxRows: 10)
        #expect(try store.health(task: "t") == health)
    }
}

@Suite(.timeLimit(.minutes(3))) struct ProxyAccessTrackingTests {
    @Test func routeQueriesThroughTheProxyAreRecordedInTheStore() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Plain", on: source, client: client)
            let store = ProxyAccessStore(database: try MigrationDatabase.inMemory())
            try await ProxyTest.withProxy(
                ProxyTest.configuration(source: source, target: target), rules: TestRulesSource(TestRules()), store: store
            ) { proxy in
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                _ = try await admin.topicRoute("Plain")
                _ = try await admin.topicRoute("Plain")
                #expect(proxy.accesses.hosts(topic: "Plain") == ["127.0.0.1"])
                #expect(try await ProxyTest.eventually { try store.accesses(task: "task").first?.queries == 2 })
                let health = try #require(try store.health(task: "task"))
                #expect(health.sourceReachable && health.targetReachable && health.warning.isEmpty)
            }
        }
    }

    /// The accesses since the last periodic write are written at shutdown, not dropped with the cancelled loop.
    @Test func accessesSinceTheLastWriteAreWrittenAtShutdown() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Plain", on: source, client: client)
            let store = ProxyAccessStore(database: try MigrationDatabase.inMemory())
            var configuration = ProxyTest.configuration(source: source, target: target)
            configuration.persistInterval = .seconds(3600)
            try await ProxyTest.withProxy(configuration, rules: TestRulesSource(TestRules()), store: store) { proxy in
                _ = try await RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"]).topicRoute("Plain")
                #expect(try store.accesses(task: "task").isEmpty)
            }
            #expect(try store.accesses(task: "task").map(\.queries) == [1])
        }
    }
}
