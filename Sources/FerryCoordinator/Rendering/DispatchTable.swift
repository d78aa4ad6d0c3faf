public import ControlProtocol
import MigrationEngine

/// The text form of a dispatched command's outcomes (`ferry ctl metadata …`, `ferry ctl migrate …`).
public enum DispatchTable {
    /// The lines to print: a summary line, one row per agent, then each agent's topics and refusals.
    public static func render(_ result: DispatchResult) -> [String] {
        var counts: [OutcomeStatus: Int] = [:]
        for outcome in result.outcomes { counts[outcome.status, default: 0] += 1 }
        let tally = OutcomeStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        var lines = [
            "command \(result.commandId) \(result.command.action.rawValue)"
                + (result.command.task.map { " task \($0)" } ?? "") + (result.command.actor.map { " by \($0)" } ?? "")
                + ": " + tally.joined(separator: ", ")
        ]
        lines += TextTable.render(
            header: ["AGENT", "STATUS", "SUMMARY"],
            rows: result.outcomes.map { outcome in
                [outcome.agentId, outcome.status.rawValue, outcome.result.map(Self.summary) ?? Self.waiting(outcome.status)]
            })
        for outcome in result.outcomes {
            guard let details = outcome.result.map(Self.details), !details.isEmpty else { continue }
            lines.append("\(outcome.agentId):")
            lines += details.map { "  \($0)" }
        }
        return lines
    }

    /// Whether every agent acked with success: `ferry ctl` exits non-zero otherwise (failed, timed out, offline
    /// or still pending).
    public static func allSucceeded(_ result: DispatchResult) -> Bool {
        result.outcomes.allSatisfy { $0.status == .succeeded }
    }

    private static func summary(_ result: CommandResult) -> String {
        result.error.map { "\(result.summary) (\($0.code): \($0.message))" } ?? result.summary
    }

    private static func waiting(_ status: OutcomeStatus) -> String {
        switch status {
        case .offline: "not connected; sent when it connects"
        case .timedOut: "no ack in time; asked again when it reconnects"
        case .pending: "sent, no ack yet"
        case .succeeded, .failed: "-"
        }
    }

    /// Per topic: `TOPIC  1 → 2` or `TOPIC  refused: reason`; then readiness reasons of not-ready steps.
    private static func details(_ result: CommandResult) -> [String] {
        var rows = result.topics.map { topic -> [String] in
            let move = "\(topic.from.map { "\($0.rawValue)" } ?? "?") → \(topic.to.map { "\($0.rawValue)" } ?? "?")"
            return [topic.topic, topic.refused.map { "refused: \($0)" } ?? move]
        }
        for report in result.readiness ?? [] {
            let next = report.nextStage.map { "\(report.stage.rawValue) → \($0.rawValue)" } ?? "completed"
            rows.append([report.topic, report.ready ? "ready \(next)" : "not ready \(next): " + report.reasons.joined(separator: "; ")])
        }
        return rows.isEmpty ? [] : TextTable.render(header: ["TOPIC", "OUTCOME"], rows: rows)
    }
}
