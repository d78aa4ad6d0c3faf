import ArgumentParser

/// `ferry demo …`: helpers for `scripts/demo.sh`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Seed data for the demo (the clusters come from `ferry sandbox`).",
        subcommands: [DemoSeedCommand.self]
    )
}
