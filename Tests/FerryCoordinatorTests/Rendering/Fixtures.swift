import ControlProtocol
import Foundation
import MigrationEngine

/// Contract values for the renderer and service tests; an agent state is decoded from the JSON an agent sends
/// (the status rows have no public memberwise initializer).
enum Fixtures {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func state(agentId: String, cluster: String = "hz", labels: [String: String] = [:], stage: Int = 1)
        throws -> AgentState
    {
        let json = """
            {"agentId":"\(agentId)","cluster":"\(cluster)","labels":{\(labels.map { "\"\($0)\":\"\($1)\"" }.joined(separator: ","))},
             "version":"ferry-agent 0.3.0","takenAt":"2027-01-15T08:00:00Z",
             "proxy":{"listen":"0.0.0.0:9876","sourceReachable":true,"targetReachable":false,"cachedTopics":2,"warning":"target unreachable"},
             "tasks":[{"status":{"task":"move","sourceNameServers":["s:9876"],"targetNameServers":["t:9876"],"quietPeriodSeconds":300,
               "topics":[{"topic":"orders","stage":"dual-read","stageNumber":\(stage),"ordered":false,"groups":["g1"],
                 "stageChangedAt":"2027-01-15T07:00:00Z",
                 "source":{"producers":true,"consumers":true,"messagesSinceStageChange":120},
                 "target":{"producers":false,"consumers":true,"messagesSinceStageChange":0}}]},
               "readiness":[{"topic":"orders","stage":\(stage),"nextStage":\(stage + 1),"checks":[
                 {"name":"consumersOnTarget","ok":false,"reason":"g1 has 0 clients on target, 2 on source","facts":{}}],"notes":[]}]}]}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(AgentState.self, from: Data(json.utf8))
    }

    static func event(agentId: String, message: String = "orders 0 → 1 by alice") -> AgentEvent {
        AgentEvent(agentId: agentId, kind: .stageChanged, task: "move", topic: "orders", message: message, at: Self.at)
    }
}
