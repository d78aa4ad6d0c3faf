import ArgumentParser
import ControlProtocol

/// `ferry ctl migrate check|advance|rollback|status`: stage steps on every selected agent.
struct CtlMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Check, advance, roll back or show a task's topics on the selected agents.",
        subcommands: [Check.self, Advance.self, Rollback.self, Status.self])

    /// The task and its topics (`ferry migrate`'s selectors), with `--all`.
    struct TopicOptions: ParsableArguments {
        @Argument(help: "The task.")
        var task: String

        @Argument(help: "Topic names or globs; none (or --all) means every topic.")
        var topics: [String] = []

        @Flag(help: "Every topic.")
        var all = false

        func validate() throws {
            if self.all && !self.topics.isEmpty { throw ValidationError("give topics or --all, not both") }
        }

        func command(_ action: AgentAction) -> AgentCommand {
            AgentCommand(action: action, task: self.task, topics: self.topics.isEmpty ? nil : self.topics,
                all: self.topics.isEmpty ? true : nil)
        }
    }

    /// What advance and rollback share.
    struct StepOptions: ParsableArguments {
        @Option(help: "Why, for the audit log.")
        var reason: String?

        @Flag(help: "Override the readiness checks (never the gates); needs --reason.")
        var ignoreHealth = false

        @Flag(help: "Preview: say what would move and what would be refused, change nothing.")
        var dryRun = false

        func validate() throws {
            if self.ignoreHealth && (self.reason ?? "").isEmpty { throw ValidationError("--ignore-health needs --reason") }
        }

        func apply(to command: inout AgentCommand) {
            command.reason = self.reason
            command.ignoreHealth = self.ignoreHealth ? true : nil
            command.dryRun = self.dryRun ? true : nil
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the readiness checks of the next step.")
        @OptionGroup var topics: TopicOptions
        @OptionGroup var options: CtlDispatchOptions

        func run() async throws {
            try await self.options.send(self.topics.command(.migrateCheck))
        }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move topics one stage forward (checked, gated).")
        @OptionGroup var topics: TopicOptions
        @OptionGroup var step: StepOptions
        @OptionGroup var options: CtlDispatchOptions

        func run() async throws {
            var command = self.topics.command(.migrateAdvance)
            self.step.apply(to: &command)
            try await self.options.send(command)
        }
    }

    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move topics one stage back.")
        @OptionGroup var topics: TopicOptions
        @OptionGroup var step: StepOptions
        @OptionGroup var options: CtlDispatchOptions

        @Flag(help: "Roll back from completed even after the rollback window.")
        var force = false

        func run() async throws {
            var command = self.topics.command(.migrateRollback)
            self.step.apply(to: &command)
            command.force = self.force ? true : nil
            try await self.options.send(command)
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The task's status table on each agent.")
        @OptionGroup var topics: TopicOptions
        @OptionGroup var options: CtlDispatchOptions

        func run() async throws {
            try await self.options.send(self.topics.command(.migrateStatus))
        }
    }
}
