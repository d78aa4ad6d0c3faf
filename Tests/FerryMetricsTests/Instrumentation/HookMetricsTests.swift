import FerryMetrics
import HookRuntime
import Testing

/// HookRuntime counts calls, errors and durations per hook, for hooks some script defines.
@Suite struct HookMetricsTests {
    @Test func callsErrorsAndDurationsArePerHook() async throws {
        let factory = FerryMetricsFactory()
        try await HookFixture.withRuntime(factory: factory) { runtime in
            _ = try await runtime.health(HealthContext(topic: "t", stage: 0, nextStage: 1))
            _ = try await runtime.health(HealthContext(topic: "t", stage: 1, nextStage: 2))
            await #expect(throws: HookError.self) {
                try await runtime.gate(GateContext(topic: "t", stage: 0, nextStage: 1, time: 0, taskID: "x"))
            }
            // No script defines map: the call is not counted.
            _ = try await runtime.map(HookResource(kind: .topic, name: "t"))
        }
        let scrape = try PrometheusText(parsing: String(decoding: MetricsEndpoint(registry: factory.registry).render(), as: UTF8.self))
        #expect(scrape.value("ferry_hook_calls_total", ["hook": "health"]) == 2)
        #expect(scrape.value("ferry_hook_calls_total", ["hook": "gate"]) == 1)
        #expect(scrape.value("ferry_hook_calls_total", ["hook": "map"]) == 0)
        #expect(scrape.value("ferry_hook_errors_total", ["hook": "gate", "code": "runtime"]) == 1)
        #expect(scrape.value("ferry_hook_duration_seconds_count", ["hook": "health"]) == 2)
        #expect(scrape.samples("ferry_hook_errors_total").count == 1)
        #expect(ScrapeConformance.violations(scrape) == [])
    }
}
