import ControlProtocol
import FerryMetrics
import Foundation

/// `/metrics` with 5 agents × 2,000 topics published (topics spread over the five stages, a readiness report
/// per topic, traffic and client counts): the time to publish every state, then the time and size of a scrape
/// (the registry rendered as the endpoint serves it), best and median of 20. Targets: < 200 ms, < 2 MB.
enum MetricsBenchmark {
    static let agents = 5
    static let topicsPerAgent = 2_000
    static let scrapes = 20

    static func run() async throws {
        let factory = FerryMetricsFactory()
        let metrics = AgentMetrics(factory: factory)
        let states = try (1...agents).map { try state(agent: "bench-agent-\($0)") }
        let clock = ContinuousClock()
        var started = clock.now
        for state in states { metrics.publish(state) }
        print(String(format: "first publish of %d agents × %d topics: %.0f ms", agents, topicsPerAgent, started.duration(to: clock.now).inSeconds * 1e3))
        started = clock.now
        for state in states { metrics.publish(state) }
        print(String(format: "republish (values only): %.0f ms", started.duration(to: clock.now).inSeconds * 1e3))

        let endpoint = MetricsEndpoint(registry: factory.registry)
        var times: [Double] = []
        var size = 0
        for _ in 0..<scrapes {
            started = clock.now
            size = endpoint.render().count
            times.append(started.duration(to: clock.now).inSeconds * 1e3)
        }
        times.sort()
        let body = String(decoding: endpoint.render(), as: UTF8.self)
        let series = body.split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        print(String(format: "scrape: best %.1f ms, median %.1f ms, %.2f MB, %d series (target < 200 ms, < 2 MB)",
                     times[0], times[times.count / 2], Double(size) / 1_048_576, series))
    }

    /// One agent's state, built through AgentState's Codable shape (the status rows have no public initializer).
    private static func state(agent: String) throws -> AgentState {
        var rows: [[String: Any]] = []
        var reports: [[String: Any]] = []
        for index in 0..<topicsPerAgent {
            let topic = "BenchTopic-\(index)"
            let stage = index % 5
            rows.append([
                "topic": topic, "stage": "stage-\(stage)", "stageNumber": stage, "ordered": false,
                "groups": ["\(topic)_G0", "\(topic)_G1"], "stageChangedAt": 0.0,
                "source": ["producers": stage < 3, "consumers": stage < 4, "messagesSinceStageChange": index * 10],
                "target": ["producers": stage >= 2, "consumers": stage >= 1, "messagesSinceStageChange": index * 3],
                "clients": ["onProxy": 4, "onSourceOnly": index % 3],
            ])
            guard stage < 4 else { continue }
            var checks: [[String: Any]] = ["targetReachable", "targetResources", "brokerNamesUnique", "clientsSwitched"].map {
                ["name": $0, "ok": true, "reason": "fine", "facts": [String: Int]()]
            }
            if stage == 3 {
                checks.append(["name": "backlogDrained", "ok": index % 2 == 0, "reason": "backlog", "facts": ["backlog": index % 2 * 40]])
                checks.append(["name": "retryDrained", "ok": true, "reason": "drained", "facts": ["retryBacklog": 0]])
            }
            reports.append(["topic": topic, "stage": stage, "nextStage": stage + 1, "checks": checks, "notes": [String]()])
        }
        let status: [String: Any] = [
            "task": "bench", "sourceNameServers": ["10.0.0.1:9876"], "targetNameServers": ["10.0.1.1:9876"],
            "quietPeriodSeconds": 300, "topics": rows,
        ]
        let json: [String: Any] = [
            "agentId": agent, "labels": ["env": "bench"], "cluster": "BenchCluster", "version": "ferry-agent bench",
            "takenAt": 0.0,
            "proxy": ["listen": "0.0.0.0:9876", "sourceReachable": true, "targetReachable": true, "cachedTopics": topicsPerAgent, "warning": ""],
            "tasks": [["status": status, "readiness": reports]],
        ]
        return try JSONDecoder().decode(AgentState.self, from: JSONSerialization.data(withJSONObject: json))
    }
}
