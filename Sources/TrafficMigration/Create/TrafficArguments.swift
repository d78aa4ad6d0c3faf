import Foundation

/// Validation of what operators type for traffic migration, at the point it enters.
public enum TrafficArguments {
    /// The most NameServers one cluster may list.
    public static let maximumNameServers = 16
    /// The longest quiet period accepted: 7 days.
    public static let maximumQuietPeriodSeconds: Int64 = 7 * 24 * 3600

    /// `a:9876;b:9876` → `["a:9876", "b:9876"]`: each entry `host:port` with a port in 1…65535.
    public static func nameServers(_ text: String) throws(TrafficMigrationError) -> [String] {
        let entries = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { throw TrafficMigrationError(.invalidArgument, "no NameServer in '\(text)'") }
        guard entries.count <= Self.maximumNameServers else {
            throw TrafficMigrationError(.invalidArgument, "at most \(Self.maximumNameServers) NameServers per cluster")
        }
        for entry in entries {
            guard let colon = entry.lastIndex(of: ":"), colon != entry.startIndex,
                let port = Int(entry[entry.index(after: colon)...]), (1...65_535).contains(port)
            else { throw TrafficMigrationError(.invalidArgument, "'\(entry)' is not host:port") }
        }
        return entries
    }

    /// `300`, `300s`, `5m`, `1h` → seconds, 0…7 days.
    public static func quietPeriodSeconds(_ text: String) throws(TrafficMigrationError) -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var unit: Int64 = 1
        if let last = text.last, let scale = units[last] {
            digits = text.dropLast()
            unit = scale
        }
        guard let value = Int64(digits), value >= 0 else {
            throw TrafficMigrationError(.invalidArgument, "'\(text)' is not a duration like 300, 300s, 5m or 1h")
        }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow, seconds <= Self.maximumQuietPeriodSeconds else {
            throw TrafficMigrationError(.invalidArgument, "the quiet period may be at most 7 days")
        }
        return seconds
    }

    /// A task name: 1–128 characters of letters, digits, `.`, `_` and `-`.
    public static func taskName(_ name: String) throws(TrafficMigrationError) -> String {
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        }
        guard !name.isEmpty, name.count <= 128, allowed else {
            throw TrafficMigrationError(
                .invalidArgument, "a task name is 1–128 letters, digits, '.', '_' or '-'")
        }
        return name
    }
}
