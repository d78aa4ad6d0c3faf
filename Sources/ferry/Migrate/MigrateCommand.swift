import ArgumentParser

/// `ferry migrate …`: move live traffic topic by topic through the five stages.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move live traffic between clusters, topic by topic, through five stages.",
        discussion: """
            Stages: 0 initial → 1 dual-read → 2 dual-read-write → 3 cutting-over → 4 completed. Clients point \
            their namesrvAddr at `ferry proxy`; each step changes the routes it serves. State lives in a local \
            file (--state, default ~/.ferry/state.sqlite); every step is committed there, with an audit row, \
            before it takes effect.
            """,
        subcommands: [
            MigrateCreateCommand.self, MigrateStatusCommand.self, MigrateHistoryCommand.self,
            MigrateAdvanceCommand.self, MigrateRollbackCommand.self, MigratePreviewCommand.self,
            MigrateCheckCommand.self, MigrateClientsCommand.self,
        ]
    )
}
