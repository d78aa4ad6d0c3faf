import ArgumentParser

/// `ferry ctl …`: operate many agents through the coordinator (docs/coordinator.md).
struct CtlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctl",
        abstract: "Operate agents through a ferry-coordinator: registry, status, commands, live view.",
        discussion: """
            Every subcommand connects to the coordinator (--coordinator HOST:PORT or FERRY_COORDINATOR) with the \
            shared secret (--secret-file or FERRY_SECRET_FILE) as operator --id (the audit's "who"). Select agents \
            with --agent ID, --label K=V (both repeatable) and --cluster NAME; none selects every agent. Commands \
            exit 1 when any selected agent failed, timed out or was offline, 2 when the command could not run.
            """,
        subcommands: [
            CtlAgentsCommand.self, CtlStatusCommand.self, CtlMetadataCommand.self, CtlMigrateCommand.self,
            CtlWatchCommand.self, CtlDashboardCommand.self,
        ]
    )
}
