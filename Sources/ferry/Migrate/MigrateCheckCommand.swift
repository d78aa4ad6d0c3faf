import ArgumentParser
import MigrationEngine
import MigrationStore
import TrafficMigration

/// `ferry migrate check NAME [SELECTOR…] [--hooks PATH] [--json]`.
struct MigrateCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Readiness of each topic's next step: every check, Lua health included. Exit 0 when all are ready, 1 otherwise.",
        discussion: """
            Facts are gathered once from both clusters (batched per broker). The clients-switched check reads the \
            routing proxy's access records; without them every client host counts as not yet on the proxy.
            """
    )

    @Argument(help: "The task.")
    var name: String

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var readiness: ReadinessOptions

    @Flag(help: "Print JSON (typed, camelCase).")
    var json = false

    func validate() throws { try self.selection.validate(required: false) }

    func run() async throws {
        let store = try self.state.store()
        let reports: [ReadinessReport]
        do {
            guard let task = try store.task(named: self.name) else { throw fail("no task named \(self.name)") }
            let names: [String]
            switch self.selection.selection {
            case .all: names = task.topics.map(\.name)
            case .selectors(let selectors): names = TopicSelector.select(selectors, from: task.topics.map(\.name)).selected
            }
            let picked = task.topics.filter { names.contains($0.name) }
            reports = try await self.readiness.withGuard(task: task, state: self.state, options: ReadinessGuardOptions()) { guardian, _ in
                var reports: [ReadinessReport] = []
                for topic in picked { reports.append(await guardian.report(task: task, topic: topic)) }
                return reports
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("\(error)")
        }
        if self.json {
            try printJSON(reports)
        } else {
            print(ReadinessTableRenderer().render(reports))
        }
        if !reports.allSatisfy({ $0.ready || $0.nextStage == nil }) { throw ExitCode(1) }
    }
}
