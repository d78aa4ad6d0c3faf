import ArgumentParser

/// `ferry demo …`: helpers for `scripts/demo.sh`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The live migration demo, and seed data for the metadata demo.",
        subcommands: [DemoSeedCommand.self, DemoLiveCommand.self]
    )
}
