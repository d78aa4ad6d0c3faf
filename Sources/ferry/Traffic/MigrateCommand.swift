import ArgumentParser

/// `ferry migrate`: traffic switching, one topic stage at a time.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move topics' traffic from the source cluster to the target, stage by stage.",
        subcommands: [MigrateClientsCommand.self]
    )
}
