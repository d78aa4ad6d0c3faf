import ArgumentParser
import Foundation
import MigrationEngine
import MigrationStore
import TrafficMigration

/// `--state FILE`: the state file shared with the import journal and the proxy.
struct StateOptions: ParsableArguments {
    @Option(help: "The state file (SQLite). Default: ~/.ferry/state.sqlite.")
    var state: String = FileManager.default.homeDirectoryForCurrentUser
        .appendingPathComponent(".ferry/state.sqlite").path

    /// Opens the traffic store, or fails with exit code 2.
    func store() throws -> TrafficStore {
        TrafficStore(database: try self.database())
    }

    /// Opens the state database (creating it and applying migrations when needed), or fails with exit code 2.
    func database() throws -> MigrationDatabase {
        do {
            return try MigrationDatabase(path: self.state)
        } catch {
            throw fail("\(error)")
        }
    }
}

/// `SELECTOR… | --all`: the topics a command applies to.
struct SelectionOptions: ParsableArguments {
    @Argument(help: "Topic names or globs (`*`, `?`).")
    var selectors: [String] = []

    @Flag(help: "Every topic.")
    var all = false

    /// Whether an empty selection means every topic (status, history) or is an error (steps).
    func validate(required: Bool) throws {
        if self.all && !self.selectors.isEmpty { throw ValidationError("give topics or --all, not both") }
        if required && !self.all && self.selectors.isEmpty { throw ValidationError("give topics or --all") }
    }

    var selection: MigrationTaskResolver.Selection {
        self.all || self.selectors.isEmpty ? .all : .selectors(self.selectors.map(TopicSelector.init))
    }
}

/// Who runs the command, for the audit log: `$USER@host`.
func currentActor() -> String {
    let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    return "\(user)@\(ProcessInfo.processInfo.hostName)"
}

/// Encodes `value` as the `--json` outputs do: sorted keys, ISO 8601 dates, pretty.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
