import NIOCore
import NameServerProxy
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// Route answers through the proxy against two sandbox clusters: pass-through, rewriting, dialects,
/// TOPIC_NOT_EXIST, the cluster-info and topic-list unions, and rule changes taking effect.
@Suite(.timeLimit(.minutes(3))) struct ProxyRoutingTests {
    @Test func topicOutsideTheTaskPassesThroughFromTheSource() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Plain", on: source, client: client)
            try await ProxyTest.createTopic("Plain", on: target, client: client)
            let rules = TestRulesSource(TestRules())
            try await ProxyTest.withProxy(ProxyTest.configuration(source: source, target: target), rules: rules) { proxy in
                let viaProxy = try await RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"]).topicRoute("Plain")
                let direct = try await RocketMQAdmin(client: client, nameServers: [source.nameServerAddress]).topicRoute("Plain")
                #expect(viaProxy == direct)
                #expect(viaProxy.brokerDatas.map(\.brokerName) == ["broker-a"])
            }
        }
    }

    @Test func taskTopicIsRewrittenFromBothClusters() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Moving", on: source, client: client)
            try await ProxyTest.createTopic("Moving", on: target, client: client)
            let rules = TestRulesSource(TestRules(rewrites: ["Moving": TestRules.dualRead]))
            try await ProxyTest.withProxy(ProxyTest.configuration(source: source, target: target), rules: rules) { proxy in
                let route = try await RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"]).topicRoute("Moving")
                #expect(route.queueDatas.map(\.brokerName) == ["broker-a", "broker-t"])
                #expect(route.queueDatas.map(\.perm) == [[.read, .write], .read])
                #expect(route.subscribeQueues(topic: "Moving").count == 8)
                #expect(Set(route.publishQueues(topic: "Moving").map(\.brokerName)) == ["broker-a"])
            }
        }
    }

    @Test func aCommittedRuleChangeIsServedWithinASecond() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Moving", on: source, client: client)
            try await ProxyTest.createTopic("Moving", on: target, client: client)
            let rules = TestRulesSource(TestRules(rewrites: ["Moving": TestRules.dualRead]))
            try await ProxyTest.withProxy(ProxyTest.configuration(source: source, target: target), rules: rules) { proxy in
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                #expect(try await admin.topicRoute("Moving").brokerDatas.count == 2)
                rules.replace(TestRules(rewrites: ["Moving": TestRules.targetOnly]))
                let changedAt = ContinuousClock.now
                let served = try await ProxyTest.eventually(within: .seconds(5)) {
                    try await admin.topicRoute("Moving").brokerDatas.map(\.brokerName) == ["broker-t"]
                }
                #expect(served)
                #expect(changedAt.duration(to: .now) < .seconds(1))
            }
        }
    }

    /// A topic cached while its answer needed only the source (Initial) has no target route yet: the rule change
    /// that first needs the target fetches it at once instead of waiting for the next refresh.
    @Test func aRuleChangeThatFirstNeedsTheTargetFetchesItAtOnce() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("Moving", on: source, client: client)
            try await ProxyTest.createTopic("Moving", on: target, client: client)
            let rules = TestRulesSource(TestRules(rewrites: ["Moving": { source, _ in source }], sourceOnly: ["Moving"]))
            var configuration = ProxyTest.configuration(source: source, target: target)
            configuration.refreshInterval = .seconds(60)
            try await ProxyTest.withProxy(configuration, rules: rules) { proxy in
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                #expect(try await admin.topicRoute("Moving").brokerDatas.map(\.brokerName) == ["broker-a"])
                rules.replace(TestRules(rewrites: ["Moving": TestRules.dualRead]))
                let served = try await ProxyTest.eventually(within: .seconds(5)) {
                    try await admin.topicRoute("Moving").queueDatas.map(\.brokerName) == ["broker-a", "broker-t"]
                }
                #expect(served)
            }
        }
    }

    @Test(arguments: [(300, false, false), (400, true, true), (401, false, true), (409, false, true)])
    func routeComesInTheDialectTheClientReads(version: Int, acceptStandardJsonOnly: Bool, standard: Bool) async throws {
        try await ProxyTest.withClusters { source, target in
            let setup = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await setup.shutdown() } }
            try await ProxyTest.createTopic("Plain", on: source, client: setup)
            var configuration = RemotingClientConfiguration()
            configuration.version = version
            let client = RemotingClient(configuration: configuration, logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.withProxy(
                ProxyTest.configuration(source: source, target: target), rules: TestRulesSource(TestRules())
            ) { proxy in
                let ext: RemotingExtFields =
                    acceptStandardJsonOnly ? ["topic": "Plain", "acceptStandardJsonOnly": "true"] : ["topic": "Plain"]
                let response = try await client.invoke(
                    .request(code: .getRouteInfoByTopic, ext: ext), address: "127.0.0.1:\(proxy.port)")
                let body = try #require(response.body)
                let text = String(buffer: body)
                #expect(text.contains("\"brokerAddrs\":{\"0\":") == standard)
                #expect(text.contains("\"brokerAddrs\":{0:") == !standard)
                #expect(try TopicRouteData(parsing: body).brokerDatas.map(\.brokerName) == ["broker-a"])
            }
        }
    }

    @Test func unknownTopicGetsTheNameServersTopicNotExist() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.withProxy(
                ProxyTest.configuration(source: source, target: target),
                rules: TestRulesSource(TestRules(rewrites: ["Nowhere": TestRules.dualRead]))
            ) { proxy in
                for topic in ["NoSuchTopic", "TBW102", "%RETRY%NoGroup", "%DLQ%NoGroup", "Nowhere", String(repeating: "x", count: 200)] {
                    let request = RemotingCommand.request(code: .getRouteInfoByTopic, ext: ["topic": topic])
                    let viaProxy = try await client.invoke(request, address: "127.0.0.1:\(proxy.port)")
                    #expect(viaProxy.responseCode == .topicNotExist)
                    #expect(viaProxy.remark == "No topic route info in name server for the topic: \(topic)\nSee http://rocketmq.apache.org/docs/faq/ for further details.")
                    let direct = try await client.invoke(request, address: source.nameServerAddress)
                    #expect(direct.responseCode == viaProxy.responseCode && direct.remark == viaProxy.remark)
                }
            }
        }
    }

    @Test func clusterInfoAndTopicListsAreTheUnionOfBothClusters() async throws {
        try await ProxyTest.withClusters { source, target in
            let client = RemotingClient(logger: ProxyTest.logger)
            defer { Task { await client.shutdown() } }
            try await ProxyTest.createTopic("OnSource", on: source, client: client)
            try await ProxyTest.createTopic("OnTarget", on: target, client: client)
            try await ProxyTest.withProxy(
                ProxyTest.configuration(source: source, target: target), rules: TestRulesSource(TestRules())
            ) { proxy in
                let admin = RocketMQAdmin(client: client, nameServers: ["127.0.0.1:\(proxy.port)"])
                let info = try await admin.clusterInfo()
                #expect(Set(info.brokerAddrTable.map(\.0)) == ["broker-a", "broker-t"])
                #expect(info.clusterAddrTable["SourceCluster"] == ["broker-a"])
                #expect(info.clusterAddrTable["TargetCluster"] == ["broker-t"])
                let topics = try await admin.topicList().topicList
                #expect(topics.contains("OnSource") && topics.contains("OnTarget"))
                #expect(topics == topics.sorted())
                let byCluster = try await client.invoke(
                    .request(code: .getTopicsByCluster, ext: ["cluster": "TargetCluster"]), address: "127.0.0.1:\(proxy.port)")
                let targetTopics = try TopicList(parsing: try #require(byCluster.body)).topicList
                #expect(targetTopics.contains("OnTarget") && !targetTopics.contains("OnSource"))
            }
        }
    }
}
