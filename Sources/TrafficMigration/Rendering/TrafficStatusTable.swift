import Foundation
import MigrationEngine

/// The text form of `ferry migrate status`: one row per topic, then the reasons any number is missing.
public enum TrafficStatusTable {
    /// The lines to print.
    public static func render(_ status: TrafficStatus) -> [String] {
        var lines = [
            "task \(status.task): source \(status.sourceNameServers.joined(separator: ";")) → target "
                + "\(status.targetNameServers.joined(separator: ";")), quiet period \(status.quietPeriodSeconds)s"
        ]
        let header = ["TOPIC", "STAGE", "ORDERED", "PRODUCERS", "CONSUMERS", "SOURCE MSGS", "TARGET MSGS", "CLIENTS PROXY/SOURCE", "IN EFFECT"]
        var rows: [[String]] = []
        var notes: [String] = []
        for row in status.topics {
            let effect: String = row.effect.map { $0.inEffect ? "yes" : "not yet" } ?? "?"
            rows.append([
                row.topic, "\(row.stageNumber) \(row.stage)", row.ordered ? "yes" : "no",
                Self.sides(source: row.source.producers, target: row.target.producers),
                Self.sides(source: row.source.consumers, target: row.target.consumers),
                row.source.messagesSinceStageChange.map(String.init) ?? "?",
                row.target.messagesSinceStageChange.map(String.init) ?? "?",
                row.clients.map { "\($0.onProxy)/\($0.onSourceOnly)" } ?? "-",
                effect,
            ])
            if let effect = row.effect, !effect.inEffect { notes.append("\(row.topic) not yet in effect: \(effect.reason)") }
            for reason in [row.source.unavailableReason, row.target.unavailableReason].compactMap({ $0 })
            where !notes.contains(reason) {
                notes.append(reason)
            }
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            lines.append(
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    .trimmingTrailingSpaces())
        }
        lines.append("MSGS: messages written since the topic's last stage change. IN EFFECT: whether the facts show it.")
        lines += notes.map { "? \($0)" }
        return lines
    }

    private static func sides(source: Bool, target: Bool) -> String {
        switch (source, target) {
        case (true, true): "both"
        case (true, false): "source"
        case (false, true): "target"
        case (false, false): "none"
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
