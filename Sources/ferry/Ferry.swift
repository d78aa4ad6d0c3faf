import ArgumentParser

/// The `ferry` command-line tool.
@main
struct Ferry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move live RocketMQ traffic between clusters.",
        subcommands: [
            HooksCommand.self, InspectCommand.self, SandboxCommand.self, MetadataCommand.self, DemoCommand.self,
            MigrateCommand.self, ProxyCommand.self, CtlCommand.self,
        ]
    )
}
