import ArgumentParser
import MigrationEngine
import MigrationStore
import TrafficMigration

/// What `advance` and `rollback` share.
struct StepOptions: ParsableArguments {
    @Argument(help: "The task.")
    var name: String

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions

    @Option(help: "Why, for the audit log.")
    var reason: String?

    /// Runs the step and prints one line per topic; exit 0 when every selected topic moved, 1 when any was
    /// refused, 2 when the step could not run.
    func run(_ direction: StageDirection) async throws {
        let store = try self.state.store()
        let report: StageStepReport
        do {
            guard let task = try store.task(named: self.name) else { throw fail("no task named \(self.name)") }
            report = try await ClusterConnections.with(source: task.sourceNameServers, target: task.targetNameServers) {
                try await StageStepRunner(store: store, clusters: $0).run(
                    task: self.name, selection: self.selection.selection, direction: direction,
                    audit: TrafficAuditContext(actor: currentActor(), reason: self.reason))
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("\(direction.rawValue) failed, nothing changed: \(error)")
        }
        for outcome in report.outcomes {
            switch outcome {
            case .moved(let move): print("\(move.topic): \(move.from) → \(move.to)")
            case .refused(let topic, let stage, let reason):
                print("\(topic): refused\(stage.map { " at \($0)" } ?? "") — \(reason)")
            }
        }
        if !report.everyTopicMoved { throw ExitCode(1) }
    }
}

/// `ferry migrate advance NAME (SELECTOR…|--all) [--state FILE]`.
struct MigrateAdvanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move topics one stage forward. Exit 0 when every selected topic moved, 1 with reasons otherwise."
    )

    @OptionGroup var options: StepOptions

    func validate() throws { try self.options.selection.validate(required: true) }

    func run() async throws { try await self.options.run(.advance) }
}

/// `ferry migrate rollback NAME (SELECTOR…|--all) [--state FILE]`.
struct MigrateRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Move topics one stage back. Exit 0 when every selected topic moved, 1 with reasons otherwise."
    )

    @OptionGroup var options: StepOptions

    func validate() throws { try self.options.selection.validate(required: true) }

    func run() async throws { try await self.options.run(.rollback) }
}
