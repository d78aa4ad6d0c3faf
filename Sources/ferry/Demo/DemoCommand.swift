import ArgumentParser

/// `ferry demo …`: `live` for `scripts/demo.sh`, `seed` for `scripts/demo-metadata.sh`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The live migration demo, and seed data for the metadata demo.",
        subcommands: [DemoSeedCommand.self, DemoLiveCommand.self]
    )
}
