public import ControlProtocol
public import Foundation

/// The text form of `ferry ctl agents`: one row per agent.
public enum AgentTable {
    /// The lines to print; `now` makes the "last seen" column relative.
    public static func render(_ list: AgentList, now: Date = Date()) -> [String] {
        guard !list.agents.isEmpty else { return ["no agents"] }
        let rows = list.agents.map { agent in
            [
                agent.agentId, agent.cluster.isEmpty ? "-" : agent.cluster, agent.connected ? "yes" : "no",
                Self.ago(agent.lastSeen, now: now), agent.address, agent.version.isEmpty ? "-" : agent.version,
                agent.labels.isEmpty ? "-" : agent.labels.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: ","),
            ]
        }
        let connected = list.agents.filter(\.connected).count
        return TextTable.render(header: ["AGENT", "CLUSTER", "CONNECTED", "LAST SEEN", "ADDRESS", "VERSION", "LABELS"], rows: rows)
            + ["\(list.agents.count) agent\(list.agents.count == 1 ? "" : "s"), \(connected) connected"]
    }

    /// `12s ago`, `5m ago`, `3h ago`, `2d ago`.
    static func ago(_ date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date).rounded(.down)))
        switch seconds {
        case ..<60: return "\(seconds)s ago"
        case ..<3_600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3_600)h ago"
        default: return "\(seconds / 86_400)d ago"
        }
    }
}
