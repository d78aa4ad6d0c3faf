import ArgumentParser
import MigrationEngine
import MigrationStore
import TrafficMigration

/// `ferry migrate history NAME [SELECTOR…] [--state FILE] [--json]`.
struct MigrateHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The task's audit log: who asked for which step, when, why, and whether it was committed or refused."
    )

    @Argument(help: "The task.")
    var name: String

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions

    @Flag(help: "Print JSON (typed, camelCase; stages as numbers 0–4).")
    var json = false

    /// The `--json` document.
    struct Document: Encodable {
        var task: String
        var entries: [TrafficAuditEntry]
    }

    func validate() throws {
        try self.selection.validate(required: false)
    }

    func run() async throws {
        let store = try self.state.store()
        let entries: [TrafficAuditEntry]
        do {
            guard let task = try store.task(named: self.name) else { throw fail("no task named \(self.name)") }
            var topics: Set<String>?
            if case .selectors(let selectors) = self.selection.selection {
                topics = Set(TopicSelector.select(selectors, from: task.topics.map(\.name)).selected)
            }
            entries = try store.history(task: self.name, topics: topics)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("\(error)")
        }
        if self.json {
            try printJSON(Document(task: self.name, entries: entries))
        } else {
            for line in TrafficHistoryTable.render(entries) { print(line) }
        }
    }
}
