import Foundation
import MigrationEngine
public import MigrationStore

/// The text form of `ferry migrate history`: one line per audit row, oldest first.
public enum TrafficHistoryTable {
    /// The lines to print.
    public static func render(_ entries: [TrafficAuditEntry]) -> [String] {
        let formatter = ISO8601DateFormatter()
        return entries.map { entry in
            var parts = [formatter.string(from: entry.at), entry.actor, entry.action.rawValue]
            if let topic = entry.topic { parts.append(topic) }
            switch (entry.fromStage, entry.toStage) {
            case (let from?, let to?): parts.append("\(from) → \(to)")
            case (let from?, nil): parts.append("at \(from)")
            default: break
            }
            parts.append(entry.outcome.rawValue)
            if let reason = entry.reason { parts.append("(\(reason))") }
            if !entry.overrides.isEmpty { parts.append("overrides: \(entry.overrides.joined(separator: ","))") }
            return parts.joined(separator: "  ")
        }
    }
}
