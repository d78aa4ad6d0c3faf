import ControlProtocol
import Foundation
import MigrationEngine
import TrafficMigration

/// Agent states for tests, built through `TrafficStatus`'s Codable shape (its rows have no public initializer).
enum AgentStateFixture {
    struct Topic {
        var name: String
        var stage: MigrationStage
        var sourceWritten: Int64 = 0
        var targetWritten: Int64 = 0
        var onProxy = 0
        var onSource = 0
        var consumerGroups: [GroupTraffic]? = nil
    }

    static func state(
        agent: String = "agent-1", task: String = "task-1", topics: [Topic], readiness: [ReadinessReport] = [],
        proxy: ProxyState? = nil
    ) throws -> AgentState {
        let rows: [[String: Any]] = topics.map { topic in
            [
                "topic": topic.name, "stage": topic.stage.description, "stageNumber": topic.stage.rawValue,
                "ordered": false, "groups": ["GID_\(topic.name)"], "stageChangedAt": 0.0,
                "source": ["producers": true, "consumers": true, "messagesSinceStageChange": topic.sourceWritten],
                "target": ["producers": false, "consumers": true, "messagesSinceStageChange": topic.targetWritten],
                "clients": ["onProxy": topic.onProxy, "onSourceOnly": topic.onSource],
            ]
        }
        let status: [String: Any] = [
            "task": task, "sourceNameServers": ["127.0.0.1:9876"], "targetNameServers": ["127.0.0.1:9877"],
            "quietPeriodSeconds": 300, "topics": rows,
        ]
        var decoded = try JSONDecoder().decode(TrafficStatus.self, from: JSONSerialization.data(withJSONObject: status))
        for (index, topic) in topics.enumerated() { decoded.topics[index].consumerGroups = topic.consumerGroups }
        return AgentState(
            agentId: agent, labels: [:], cluster: "SourceCluster", version: "ferry-agent test",
            takenAt: Date(timeIntervalSince1970: 1_800_000_000), proxy: proxy,
            tasks: [AgentTaskState(status: decoded, readiness: readiness)])
    }
}
