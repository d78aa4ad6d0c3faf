public import ControlProtocol
import MigrationEngine
import TrafficMigration

/// The text form of `ferry ctl status`: per agent, its proxy, then each task's status table (as
/// `ferry migrate status` prints it) and the reasons its topics' next steps are not ready.
public enum AgentStatusText {
    /// The lines to print.
    public static func render(_ states: AgentStates) -> [String] {
        guard !states.agents.isEmpty else { return ["no agent has reported its state"] }
        var lines: [String] = []
        for state in states.agents {
            if !lines.isEmpty { lines.append("") }
            lines.append("agent \(state.agentId) (cluster \(state.cluster), \(state.version)): " + Self.proxy(state.proxy))
            if state.tasks.isEmpty { lines.append("  no task") }
            for task in state.tasks {
                lines += TrafficStatusTable.render(task.status).map { "  \($0)" }
                for report in task.readiness where !report.ready && report.nextStage != nil {
                    lines.append("  not ready \(report.topic): " + report.reasons.joined(separator: "; "))
                }
            }
        }
        return lines
    }

    private static func proxy(_ proxy: ProxyState?) -> String {
        guard let proxy else { return "no proxy" }
        let health = proxy.sourceReachable && proxy.targetReachable ? "ok" : "degraded"
        return "proxy \(proxy.listen) \(health), \(proxy.cachedTopics) topics" + (proxy.warning.isEmpty ? "" : " (\(proxy.warning))")
    }
}
