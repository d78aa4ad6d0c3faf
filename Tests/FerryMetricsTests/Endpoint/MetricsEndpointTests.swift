import ControlProtocol
import FerryMetrics
import Foundation
import HookRuntime
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import MigrationEngine
import NIOCore
import Testing

/// `GET /metrics` through Hummingbird: the Prometheus text format, every family described and named by the
/// conventions, and values that move between scrapes.
@Suite struct MetricsEndpointTests {
    @Test func aScrapeIsValidPrometheusTextAndFollowsTheCatalogue() async throws {
        let factory = FerryMetricsFactory()
        let agent = AgentMetrics(factory: factory)
        let coordinator = CoordinatorMetrics(factory: factory)
        coordinator.record(action: .migrateCheck, status: .failed)
        let reports = [
            ReadinessReport(
                topic: "Orders", stage: .cuttingOver, nextStage: .completed, effect: nil,
                checks: [ReadinessCheckResult(name: "backlogDrained", ok: false, reason: "12 left", facts: ["backlog": 12])])
        ]
        agent.publish(
            try AgentStateFixture.state(
                topics: [AgentStateFixture.Topic(name: "Orders", stage: .cuttingOver, sourceWritten: 5)], readiness: reports,
                proxy: .init(listen: "0.0.0.0:9876", sourceReachable: true, targetReachable: true, cachedTopics: 1, warning: "")))
        try await HookFixture.withRuntime(factory: factory) { runtime in
            _ = try await runtime.health(HealthContext(topic: "Orders", stage: 3, nextStage: 4))
        }
        let app = MetricsEndpoint(registry: factory.registry).application(
            host: "127.0.0.1", port: 0, logger: Logger(label: "metrics-test"))
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == MetricsEndpoint.contentType)
                return try PrometheusText(parsing: String(buffer: response.body))
            }
            #expect(ScrapeConformance.violations(first) == [])
            let expected: Set = [
                "ferry_topic_stage", "ferry_task_topics", "ferry_readiness_checks", "ferry_task_messages_written",
                "ferry_topic_backlog_messages", "ferry_task_clients", "ferry_proxy_upstream_reachable",
                "ferry_proxy_cached_topics", "ferry_metrics_topics_dropped", "ferry_agent_state_timestamp_seconds",
                "ferry_coordinator_agents", "ferry_coordinator_command_outcomes_total", "ferry_hook_calls_total",
                "ferry_hook_duration_seconds",
            ]
            #expect(expected.isSubset(of: Set(first.order)))
            #expect(first.value("ferry_hook_calls_total", ["hook": "health"]) == 1)

            agent.publish(try AgentStateFixture.state(topics: [AgentStateFixture.Topic(name: "Orders", stage: .completed)]))
            let second = try await client.execute(uri: "/metrics", method: .get) { response in
                try PrometheusText(parsing: String(buffer: response.body))
            }
            let orders = ["agent": "agent-1", "task": "task-1", "topic": "Orders"]
            #expect(first.value("ferry_topic_stage", orders) == 3)
            #expect(second.value("ferry_topic_stage", orders) == 4)
            #expect(second.samples("ferry_topic_backlog_messages").isEmpty)
        }
    }

    @Test func theRoutesMountOnAnotherRouter() async throws {
        let factory = FerryMetricsFactory()
        CoordinatorMetrics(factory: factory).record(action: .hooksReload, status: .offline)
        let router = Router()
        router.get("health") { _, _ in "ok" }
        router.addRoutes(MetricsEndpoint(registry: factory.registry).routes())
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                let scrape = try PrometheusText(parsing: String(buffer: response.body))
                #expect(scrape.value("ferry_coordinator_command_outcomes_total", ["action": "hooks.reload", "status": "offline"]) == 1)
            }
        }
    }

    @Test func bootstrapInstallsOneFactoryPerProcess() {
        let first = FerryMetricsSystem.bootstrap()
        let second = FerryMetricsSystem.bootstrap()
        #expect(first.registry === second.registry)
        Counter(label: "ferry_coordinator_agents_probe_total").increment()
        #expect(String(decoding: MetricsEndpoint(registry: first.registry).render(), as: UTF8.self)
            .contains("ferry_coordinator_agents_probe_total 1"))
    }
}
