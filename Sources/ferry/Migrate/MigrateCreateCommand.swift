import ArgumentParser
import Foundation
import MigrationEngine
import MigrationStore
import TrafficMigration

/// `ferry migrate create NAME --source NS --target NS [--state FILE] [--quiet-period 5m] (TOPIC|GLOB…|--all)`.
struct MigrateCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a migration task: topics at stage 0, with their consumer groups and order flag.",
        discussion: """
            Topics are resolved against the source's topic list (system, retry and DLQ topics excluded). A \
            topic's groups are those the source's master brokers report for it (QUERY_TOPIC_CONSUME_BY_WHO: \
            online subscribers and groups with committed offsets); --group adds groups neither shows. A topic \
            is ordered when a master's topic config says so. The source and target must not share a broker name.
            """
    )

    @Argument(help: "The task's name (letters, digits, '.', '_', '-').")
    var name: String

    @Option(help: "The source cluster's NameServers, host:port, several separated by ';'.")
    var source: String

    @Option(help: "The target cluster's NameServers, host:port, several separated by ';'.")
    var target: String

    @Option(help: "How long the source must see no writes before a topic may complete (300, 300s, 5m, 1h).")
    var quietPeriod = "5m"

    @Option(name: .customLong("group"), help: "A consumer group to add to every topic (repeatable).")
    var groups: [String] = []

    @Option(help: "Why, for the audit log.")
    var reason: String?

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var credentials: TaskCredentialOptions

    func validate() throws {
        try self.selection.validate(required: true)
    }

    func run() async throws {
        let name: String
        let sourceServers: [String]
        let targetServers: [String]
        let quiet: Int64
        do {
            name = try TrafficArguments.taskName(self.name)
            sourceServers = try TrafficArguments.nameServers(self.source)
            targetServers = try TrafficArguments.nameServers(self.target)
            quiet = try TrafficArguments.quietPeriodSeconds(self.quietPeriod)
        } catch {
            throw ValidationError(error.reason)
        }
        let store = try self.state.store()
        let keys = try self.credentials.resolve()
        let task: MigrationTask
        do {
            task = try await TrafficClusters.with(
                source: sourceServers, target: targetServers, sourceCredentials: keys.source, targetCredentials: keys.target
            ) { clusters in
                try await TrafficTaskCreator(store: store, clusters: clusters).create(
                    name: name, sourceNameServers: sourceServers, targetNameServers: targetServers,
                    selection: self.selection.selection, extraGroups: self.groups, quietPeriodSeconds: quiet,
                    audit: TrafficAuditContext(actor: currentActor(), reason: self.reason))
            }
        } catch {
            throw fail("cannot create task \(name): \(error)")
        }
        print("created task \(task.name): \(task.topics.count) topic(s) at stage 0 initial")
        for topic in task.topics {
            let groups = topic.groups.isEmpty ? "no groups" : topic.groups.joined(separator: ",")
            print("  \(topic.name)\(topic.ordered ? " (ordered)" : "")  \(groups)")
        }
    }
}
