import ArgumentParser
import ControlProtocol
import FerryCoordinator

/// What every command-sending `ferry ctl` subcommand shares: connection, selector, `--json`.
struct CtlDispatchOptions: ParsableArguments {
    @OptionGroup var connection: CtlConnectionOptions
    @OptionGroup var selection: CtlSelectorOptions

    @Option(help: "A command id to use (re-running with the same id returns the first run's outcomes).")
    var commandId: String?

    /// Sends `command` to the selected agents, prints every agent's outcome, and exits 1 unless all succeeded.
    func send(_ command: AgentCommand) async throws {
        let selector = try self.selection.selector()
        let result = try await withOperator(self.connection) {
            try await $0.dispatch(command, to: selector, timeout: self.connection.ackTimeout, commandId: self.commandId)
        }
        if self.selection.json {
            try printJSON(result)
        } else {
            for line in DispatchTable.render(result) { print(line) }
        }
        if !DispatchTable.allSucceeded(result) { throw ExitCode(1) }
    }
}

/// `ferry ctl metadata export|plan|import`: metadata migration on every selected agent.
struct CtlMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata", abstract: "Export, plan and import metadata on the selected agents.",
        subcommands: [Export.self, Plan.self, Import.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export each agent's source cluster metadata.")
        @OptionGroup var options: CtlDispatchOptions

        func run() async throws {
            try await self.options.send(AgentCommand(action: .metadataExport))
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan the import of each agent's last export.")
        @OptionGroup var options: CtlDispatchOptions

        @Option(help: "The hooks directory on the agents (default: each agent's configured one).")
        var hooks: String?

        func run() async throws {
            try await self.options.send(
                AgentCommand(action: .metadataPlan, options: self.hooks.map { ["hooks": $0] }))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import each agent's last plan into the target.")
        @OptionGroup var options: CtlDispatchOptions

        @Flag(help: "Say what would be imported; change nothing.")
        var dryRun = false

        func run() async throws {
            try await self.options.send(AgentCommand(action: .metadataImport, dryRun: self.dryRun ? true : nil))
        }
    }
}
