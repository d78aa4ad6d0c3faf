import ControlProtocol
import Foundation
import MigrationEngine
import MigrationStore
import TrafficMigration

/// Agent states built the way agents send them (status rows have no public initializer: decoded from JSON).
enum Fixtures {
    static let task = "orders"
    static let blockedTopic = "TopicB"
    static let operators = ["alice": "alice-token-0123456789", "bob": "bob-token-abcdefghij"]

    static func row(topic: String, stage: MigrationStage, source: Int64?, target: Int64?) throws -> TrafficStatusRow {
        let json: [String: Any] = [
            "topic": topic, "stage": stage.description, "stageNumber": stage.rawValue, "ordered": false,
            "groups": ["\(topic)_G"], "stageChangedAt": 0,
            "source": ["producers": true, "consumers": true, "messagesSinceStageChange": source.map { $0 as Any } ?? NSNull()],
            "target": ["producers": false, "consumers": stage != .initial, "messagesSinceStageChange": target.map { $0 as Any } ?? NSNull()],
            "clients": ["onProxy": 3, "onSourceOnly": 1],
        ]
        return try decode(json)
    }

    static func agent(
        _ agentId: String, takenAt: Date = Date(timeIntervalSince1970: 1_000), rows: [TrafficStatusRow]? = nil
    ) throws -> AgentState {
        let rows = try rows ?? [
            try row(topic: "TopicA", stage: .initial, source: 10, target: 0),
            try row(topic: blockedTopic, stage: .initial, source: 20, target: 0),
        ]
        let status: TrafficStatus = try decode([
            "task": task, "sourceNameServers": ["src:9876"], "targetNameServers": ["dst:9876"], "quietPeriodSeconds": 60,
            "topics": try rows.map(encodeObject),
        ])
        let readiness = [
            ReadinessReport(
                topic: blockedTopic, stage: .initial, nextStage: .dualRead, effect: nil,
                checks: [
                    ReadinessCheckResult(name: "targetReachable", ok: true, reason: "answers"),
                    ReadinessCheckResult(name: "clientsSwitched", ok: false, reason: "2 clients on the source"),
                ])
        ]
        return AgentState(
            agentId: agentId, labels: ["env": "test"], cluster: "\(agentId)-cluster", version: "ferry-agent test",
            takenAt: takenAt,
            proxy: ProxyState(listen: "0.0.0.0:9876", sourceReachable: true, targetReachable: false, cachedTopics: 2, warning: "target unreachable"),
            tasks: [AgentTaskState(status: status, readiness: readiness)])
    }

    static func auditEntry(topic: String, actor: String) throws -> TrafficAuditEntry {
        try decode([
            "id": 1, "taskName": task, "topic": topic, "action": "advance", "outcome": "committed", "fromStage": 0,
            "toStage": 1, "actor": actor, "reason": "window", "overrides": ["clientsSwitched"], "at": 0,
        ])
    }

    private static func encodeObject(_ row: TrafficStatusRow) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(row))
    }

    private static func decode<T: Decodable>(_ object: [String: Any]) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }
}
