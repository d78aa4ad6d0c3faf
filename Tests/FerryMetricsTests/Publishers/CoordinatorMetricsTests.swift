import ControlProtocol
import FerryMetrics
import Foundation
import Testing

/// CoordinatorMetrics: agents by connection state, and command outcomes by action and status.
@Suite struct CoordinatorMetricsTests {
    @Test func agentsAndOutcomesAreCounted() throws {
        let factory = FerryMetricsFactory()
        let metrics = CoordinatorMetrics(factory: factory)
        func agent(_ id: String, connected: Bool) -> AgentSummary {
            AgentSummary(
                agentId: id, labels: [:], cluster: "c", version: "v", connected: connected, lastSeen: Date(), address: "a:1")
        }
        metrics.publish(AgentList(agents: [agent("a", connected: true), agent("b", connected: true), agent("c", connected: false)]))
        metrics.record(action: .migrateAdvance, status: .succeeded)
        metrics.record(action: .migrateAdvance, status: .succeeded)
        metrics.record(action: .migrateAdvance, status: .timedOut)
        var scrape = try PrometheusText(parsing: String(decoding: MetricsEndpoint(registry: factory.registry).render(), as: UTF8.self))
        #expect(scrape.value("ferry_coordinator_agents", ["state": "connected"]) == 2)
        #expect(scrape.value("ferry_coordinator_agents", ["state": "disconnected"]) == 1)
        let outcomes = "ferry_coordinator_command_outcomes_total"
        #expect(scrape.value(outcomes, ["action": "migrate.advance", "status": "succeeded"]) == 2)
        #expect(scrape.value(outcomes, ["action": "migrate.advance", "status": "timedOut"]) == 1)
        #expect(scrape.value(outcomes, ["action": "metadata.import", "status": "failed"]) == 0)
        #expect(scrape.samples(outcomes).count == AgentAction.allCases.count * OutcomeStatus.allCases.count)
        #expect(ScrapeConformance.violations(scrape) == [])

        metrics.publish(AgentList(agents: [agent("a", connected: false)]))
        scrape = try PrometheusText(parsing: String(decoding: MetricsEndpoint(registry: factory.registry).render(), as: UTF8.self))
        #expect(scrape.value("ferry_coordinator_agents", ["state": "connected"]) == 0)
    }
}
