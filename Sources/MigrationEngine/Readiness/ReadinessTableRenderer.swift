/// Renders readiness reports of many topics as a terminal table (`ferry migrate check`): one row per topic
/// with its stage, whether that stage is in effect, whether the next step is ready, and the failing checks;
/// then every failing check's reason.
public struct ReadinessTableRenderer: Sendable {
    /// Makes a renderer.
    public init() {}

    /// The table.
    public func render(_ reports: [ReadinessReport]) -> String {
        let header = ["topic", "stage", "in effect", "next", "ready", "failing"]
        var rows = [header]
        for report in reports {
            let failing = report.checks.filter { !$0.ok }.map(\.name) + (report.notes.isEmpty ? [] : ["facts"])
            rows.append([
                report.topic, report.stage.description,
                report.effect.map { $0.inEffect ? "yes" : "not yet" } ?? "?",
                report.nextStage?.description ?? "-",
                report.nextStage == nil ? "-" : (report.ready ? "yes" : "no"),
                failing.isEmpty ? "-" : failing.joined(separator: ","),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
        let blocked = reports.filter { !$0.reasons.isEmpty }
        if !blocked.isEmpty { lines.append("") }
        for report in blocked {
            for reason in report.reasons { lines.append("\(report.topic): \(reason)") }
            if let effect = report.effect, !effect.inEffect {
                lines.append("\(report.topic): \(report.stage) not in effect yet: \(effect.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
