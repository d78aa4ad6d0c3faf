import ArgumentParser
import Foundation
import MigrationStore

/// `--state FILE`: the state database shared with the import journal.
struct StateFileOption: ParsableArguments {
    @Option(name: .customLong("state"), help: "The state file (SQLite). Default: ~/.ferry/state.sqlite.")
    var path: String = FileManager.default.homeDirectoryForCurrentUser
        .appendingPathComponent(".ferry/state.sqlite").path

    /// Opens the database (creating it and applying migrations when needed).
    func open() throws -> MigrationDatabase {
        try MigrationDatabase(path: self.path)
    }
}
