import ArgumentParser
import HookRuntime
import Logging

/// `ferry hooks …`: work with Lua hook scripts.
struct HooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Work with Lua hook scripts.",
        subcommands: [Check.self]
    )

    /// `ferry hooks check DIR [--samples FILE]`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load hook scripts, list their hooks and run them on sample inputs.",
            discussion: "Exits non-zero on any load error, hook error or wrong return shape."
        )

        @Argument(help: "A directory of *.lua hook scripts, or one script file.")
        var path: String

        @Option(help: "A JSON file of sample inputs: {\"map\": [...], \"health\": [...], \"gate\": [...]}.")
        var samples: String?

        func run() async throws {
            let logger = Logger(label: "ferry.hooks") { StreamLogHandler.standardError(label: $0) }
            let report = await HookCheck.run(path: path, samplesPath: samples, logger: logger)
            for line in report.lines { print(line) }
            if report.failed { throw ExitCode.failure }
        }
    }
}
