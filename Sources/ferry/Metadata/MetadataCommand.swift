import ArgumentParser

/// `ferry metadata …`: export, plan and import topics, groups, ACL accounts and offsets.
struct MetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract: "Copy topics, consumer groups, ACL accounts and offsets between clusters.",
        discussion: "export a live cluster → plan against the target (review it) → import the plan.",
        subcommands: [MetadataExportCommand.self, MetadataPlanCommand.self, MetadataImportCommand.self]
    )
}
