import ArgumentParser

/// `ferry demo …`: helpers for `scripts/demo.sh`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Sandbox clusters and seed data for the demo.",
        subcommands: [DemoClustersCommand.self, DemoSeedCommand.self]
    )
}
