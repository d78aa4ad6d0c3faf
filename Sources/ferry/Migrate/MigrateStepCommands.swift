import ArgumentParser
import MigrationEngine
import MigrationStore
import TrafficMigration
import TrafficReadiness

/// What `advance` and `rollback` share.
struct StepOptions: ParsableArguments {
    @Argument(help: "The task.")
    var name: String

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions

    @Option(help: "Why, for the audit log.")
    var reason: String?

    @OptionGroup var readiness: ReadinessOptions

    @Flag(help: "Override the readiness checks (never the gates); recorded in the audit log with --reason.")
    var ignoreHealth = false

    @Flag(help: "Roll back from completed even after the rollback window.")
    var force = false

    /// Runs the step and prints one line per topic; exit 0 when every selected topic moved, 1 when any was
    /// refused, 2 when the step could not run.
    func run(_ direction: StageDirection) async throws {
        let store = try self.state.store()
        let report: StageStepReport
        do {
            guard let task = try store.task(named: self.name) else { throw fail("no task named \(self.name)") }
            let audit = TrafficAuditContext(
                actor: currentActor(), reason: self.reason, overrides: self.ignoreHealth ? ["health"] : [])
            let keys = try self.readiness.credentials.resolve()
            report = try await TrafficClusters.with(
                source: task.sourceNameServers, target: task.targetNameServers, sourceCredentials: keys.source,
                targetCredentials: keys.target
            ) { clusters in
                try await self.readiness.withGuard(task: task, state: self.state, options: self.guardOptions(audit)) { guardian, _ in
                    try await StageStepRunner(store: store, stepGuard: guardian, clusters: clusters).run(
                        task: self.name, selection: self.selection.selection, direction: direction, audit: audit)
                }
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

    /// `--ignore-health` needs `--reason`: the audit log records who overrode the checks and why.
    func validateOverride() throws {
        if self.ignoreHealth && (self.reason ?? "").isEmpty { throw ValidationError("--ignore-health needs --reason") }
    }

    func guardOptions(_ audit: TrafficAuditContext) -> ReadinessGuardOptions {
        ReadinessGuardOptions(
            ignoreHealth: self.ignoreHealth ? HealthOverride(actor: audit.actor, reason: audit.reason ?? "") : nil,
            forceRollback: self.force)
    }
}

/// `ferry migrate advance NAME (SELECTOR…|--all) [--state FILE]`.
struct MigrateAdvanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move topics one stage forward. Exit 0 when every selected topic moved, 1 with reasons otherwise."
    )

    @OptionGroup var options: StepOptions

    @Flag(help: "Keep advancing each topic by itself when its checks and gates pass, one stage per quiet window.")
    var auto = false

    @Option(help: "With --auto: seconds between fact refreshes.")
    var interval: Int = 30

    func validate() throws {
        try self.options.selection.validate(required: true)
        try self.options.validateOverride()
        if self.interval < 1 { throw ValidationError("--interval must be at least 1") }
    }

    func run() async throws {
        if self.auto {
            try await AutoAdvanceLoop(options: self.options, interval: .seconds(self.interval)).run()
        } else {
            try await self.options.run(.advance)
        }
    }
}

/// `ferry migrate rollback NAME (SELECTOR…|--all) [--state FILE]`.
struct MigrateRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Move topics one stage back. Exit 0 when every selected topic moved, 1 with reasons otherwise."
    )

    @OptionGroup var options: StepOptions

    func validate() throws {
        try self.options.selection.validate(required: true)
        try self.options.validateOverride()
    }

    func run() async throws { try await self.options.run(.rollback) }
}
