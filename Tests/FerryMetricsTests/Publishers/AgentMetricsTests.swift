import ControlProtocol
import FerryMetrics
import MigrationEngine
import Testing

/// AgentMetrics: an agent state becomes gauges, a new state moves them, and what leaves the state leaves the scrape.
@Suite struct AgentMetricsTests {
    typealias Topic = AgentStateFixture.Topic

    private func scrape(_ factory: FerryMetricsFactory) throws -> PrometheusText {
        try PrometheusText(parsing: String(decoding: MetricsEndpoint(registry: factory.registry).render(), as: UTF8.self))
    }

    private func topicLabels(_ topic: String, agent: String = "agent-1") -> [String: String] {
        ["agent": agent, "task": "task-1", "topic": topic]
    }

    @Test func aStageChangeMovesTheTopicStageAndTheStageCounts() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        metrics.publish(try AgentStateFixture.state(topics: [Topic(name: "Orders", stage: .dualRead)]))
        var scrape = try self.scrape(factory)
        #expect(scrape.value("ferry_topic_stage", self.topicLabels("Orders")) == 1)
        #expect(scrape.value("ferry_task_topics", ["agent": "agent-1", "task": "task-1", "stage": "dual-read"]) == 1)

        metrics.publish(try AgentStateFixture.state(topics: [Topic(name: "Orders", stage: .dualReadWrite)]))
        scrape = try self.scrape(factory)
        #expect(scrape.value("ferry_topic_stage", self.topicLabels("Orders")) == 2)
        #expect(scrape.value("ferry_task_topics", ["agent": "agent-1", "task": "task-1", "stage": "dual-read"]) == 0)
        #expect(scrape.value("ferry_task_topics", ["agent": "agent-1", "task": "task-1", "stage": "dual-read-write"]) == 1)
        #expect(ScrapeConformance.violations(scrape) == [])
    }

    @Test func topicsThatLeaveTheStateLoseTheirSeries() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        metrics.publish(
            try AgentStateFixture.state(topics: [Topic(name: "A", stage: .initial), Topic(name: "B", stage: .completed)]))
        #expect(try self.scrape(factory).value("ferry_topic_stage", self.topicLabels("B")) == 4)

        metrics.publish(try AgentStateFixture.state(topics: [Topic(name: "A", stage: .initial)]))
        let scrape = try self.scrape(factory)
        #expect(scrape.samples("ferry_topic_stage").map { $0.labels["topic"] } == ["A"])
        #expect(scrape.value("ferry_task_topics", ["agent": "agent-1", "task": "task-1", "stage": "completed"]) == 0)

        metrics.remove(agentId: "agent-1")
        #expect(try self.scrape(factory).families.isEmpty)
    }

    @Test func topicsPastTheCapGetNoTopicSeriesButStillCount() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(maxTopicSeries: 3, factory: factory)
        let five = (0..<5).map { Topic(name: "T\($0)", stage: .dualRead) }
        metrics.publish(try AgentStateFixture.state(topics: five))
        metrics.publish(try AgentStateFixture.state(agent: "agent-2", topics: [Topic(name: "U", stage: .initial)]))
        var scrape = try self.scrape(factory)
        #expect(scrape.samples("ferry_topic_stage").count == 3)
        #expect(scrape.value("ferry_metrics_topics_dropped", ["agent": "agent-1"]) == 2)
        #expect(scrape.value("ferry_metrics_topics_dropped", ["agent": "agent-2"]) == 1)
        #expect(scrape.value("ferry_task_topics", ["agent": "agent-1", "task": "task-1", "stage": "dual-read"]) == 5)

        // When agent-1 shrinks, its freed allowance goes to the next publish of agent-2.
        metrics.publish(try AgentStateFixture.state(topics: [Topic(name: "T0", stage: .dualRead)]))
        metrics.publish(try AgentStateFixture.state(agent: "agent-2", topics: [Topic(name: "U", stage: .initial)]))
        scrape = try self.scrape(factory)
        #expect(scrape.samples("ferry_topic_stage").count == 2)
        #expect(scrape.value("ferry_metrics_topics_dropped", ["agent": "agent-2"]) == 0)
    }

    @Test func trafficClientsAndProxyHealthAreSummedPerTask() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        let topics = [
            Topic(name: "A", stage: .dualReadWrite, sourceWritten: 100, targetWritten: 40, onProxy: 3, onSource: 1),
            Topic(name: "B", stage: .cuttingOver, sourceWritten: 0, targetWritten: 7, onProxy: 2, onSource: 0),
        ]
        let proxy = ProxyState(listen: "0.0.0.0:9876", sourceReachable: true, targetReachable: false, cachedTopics: 12, warning: "")
        metrics.publish(try AgentStateFixture.state(topics: topics, proxy: proxy))
        let scrape = try self.scrape(factory)
        let task = ["agent": "agent-1", "task": "task-1"]
        #expect(scrape.value("ferry_task_messages_written", task.merging(["side": "source"]) { $1 }) == 100)
        #expect(scrape.value("ferry_task_messages_written", task.merging(["side": "target"]) { $1 }) == 47)
        #expect(scrape.value("ferry_task_clients", task.merging(["location": "proxy"]) { $1 }) == 5)
        #expect(scrape.value("ferry_task_clients", task.merging(["location": "source"]) { $1 }) == 1)
        #expect(scrape.value("ferry_proxy_upstream_reachable", ["agent": "agent-1", "side": "target"]) == 0)
        #expect(scrape.value("ferry_proxy_cached_topics", ["agent": "agent-1"]) == 12)
        #expect(scrape.value("ferry_agent_state_timestamp_seconds", ["agent": "agent-1"]) == 1_800_000_000)
    }

    @Test func readinessChecksAreCountedAndBacklogIsPerTopic() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        let reports = ["A", "B"].map { topic in
            ReadinessReport(
                topic: topic, stage: .cuttingOver, nextStage: .completed, effect: nil,
                checks: [
                    ReadinessCheckResult(name: "targetReachable", ok: true, reason: "answers"),
                    ReadinessCheckResult(
                        name: "backlogDrained", ok: topic == "B", reason: "", facts: ["backlog": topic == "A" ? 12 : 0]),
                    ReadinessCheckResult(name: "retryDrained", ok: true, reason: "", facts: ["retryBacklog": 0]),
                ])
        }
        let topics = [Topic(name: "A", stage: .cuttingOver), Topic(name: "B", stage: .cuttingOver)]
        metrics.publish(try AgentStateFixture.state(topics: topics, readiness: reports))
        let scrape = try self.scrape(factory)
        func checks(_ check: String, _ result: String) -> Double? {
            scrape.value("ferry_readiness_checks", ["agent": "agent-1", "task": "task-1", "check": check, "result": result])
        }
        #expect(checks("backlogDrained", "failing") == 1)
        #expect(checks("backlogDrained", "passing") == 1)
        #expect(checks("targetReachable", "passing") == 2)
        #expect(checks("targetReachable", "failing") == 0)
        let backlogA = self.topicLabels("A").merging(["side": "source", "queue": "topic"]) { $1 }
        #expect(scrape.value("ferry_topic_backlog_messages", backlogA) == 12)
        #expect(scrape.samples("ferry_topic_backlog_messages").count == 4)
    }

    @Test func checkNamesPastTheCapFoldIntoOther() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        let checks = (0..<40).map { ReadinessCheckResult(name: "hook_check_\($0)", ok: false, reason: "no") }
        let report = ReadinessReport(topic: "A", stage: .initial, nextStage: .dualRead, effect: nil, checks: checks)
        metrics.publish(try AgentStateFixture.state(topics: [Topic(name: "A", stage: .initial)], readiness: [report]))
        let scrape = try self.scrape(factory)
        let names = Set(scrape.samples("ferry_readiness_checks").compactMap { $0.labels["check"] })
        #expect(names.count == 33)
        #expect(scrape.value("ferry_readiness_checks", ["agent": "agent-1", "task": "task-1", "check": "other", "result": "failing"]) == 8)
    }

    @Test func groupsGetConsumedAndBacklogSeriesPerSide() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        let groups = [
            GroupTraffic(
                group: "billing", source: ConsumerProgress(consumed: 7, backlog: 3),
                target: ConsumerProgress(consumed: 2, backlog: 1)),
            GroupTraffic(group: "audit", source: ConsumerProgress(consumed: 10, backlog: 0), target: nil),
        ]
        metrics.publish(
            try AgentStateFixture.state(topics: [Topic(name: "Orders", stage: .dualRead, consumerGroups: groups)]))
        var scrape = try self.scrape(factory)
        func labels(_ group: String, _ side: String) -> [String: String] {
            self.topicLabels("Orders").merging(["group": group, "side": side]) { $1 }
        }
        #expect(scrape.value("ferry_group_messages_consumed", labels("billing", "source")) == 7)
        #expect(scrape.value("ferry_group_messages_consumed", labels("billing", "target")) == 2)
        #expect(scrape.value("ferry_group_backlog_messages", labels("billing", "source")) == 3)
        #expect(scrape.value("ferry_group_backlog_messages", labels("billing", "target")) == 1)
        #expect(scrape.value("ferry_group_messages_consumed", labels("audit", "source")) == 10)
        #expect(scrape.value("ferry_group_messages_consumed", labels("audit", "target")) == nil)
        #expect(scrape.samples("ferry_group_backlog_messages").count == 3)
        #expect(ScrapeConformance.violations(scrape) == [])

        var drained = groups
        drained[0].target = ConsumerProgress(consumed: 3, backlog: 0)
        metrics.publish(
            try AgentStateFixture.state(topics: [Topic(name: "Orders", stage: .dualRead, consumerGroups: [drained[0]])]))
        scrape = try self.scrape(factory)
        #expect(scrape.value("ferry_group_backlog_messages", labels("billing", "target")) == 0)
        #expect(scrape.value("ferry_group_messages_consumed", labels("billing", "target")) == 3)
        #expect(scrape.value("ferry_group_messages_consumed", labels("audit", "source")) == nil)
    }

    @Test func groupsPastThePerTopicCapAreCountedNotExported() throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        let groups = (0..<20).map {
            GroupTraffic(group: "G\($0)", source: ConsumerProgress(consumed: 1, backlog: 1), target: nil)
        }
        metrics.publish(try AgentStateFixture.state(topics: [Topic(name: "A", stage: .initial, consumerGroups: groups)]))
        let scrape = try self.scrape(factory)
        #expect(scrape.samples("ferry_group_backlog_messages").count == 16)
        #expect(scrape.value("ferry_metrics_groups_dropped", ["agent": "agent-1"]) == 4)
    }
}
