import Foundation

/// Fresh command ids for dispatches that do not name one; they follow the line grammar's id rule.
enum CommandIdentifier {
    /// `c-` + UTC time to the second + 8 random hex digits (`c-20261126-053012-9f3ab2c1`).
    static func generate(now: Date = Date()) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: now)
        let date = String(
            format: "%04d%02d%02d-%02d%02d%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0,
            components.hour ?? 0, components.minute ?? 0, components.second ?? 0)
        return "c-\(date)-\(String(format: "%08x", UInt32.random(in: .min ... .max)))"
    }
}
