import ArgumentParser
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import NameServerProxy
import RocketMQClient

/// `ferry migrate clients NAME [SELECTOR…]`: who has moved to the routing proxy and who still asks the source.
struct MigrateClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "Show, per topic, the clients on the proxy and the source's clients that have not moved.",
        discussion: """
            Compares the hosts that asked the proxy for each topic's route with the clients the source brokers \
            list for the topic's consumer groups and for the --producer-group groups (brokers list producers \
            only by group). Hosts are compared, not ports.
            """
    )

    @Argument(help: "The migration task.")
    var name: String

    @Argument(help: "Topic names or globs (* and ?); all topics of the task when none.")
    var selectors: [String] = []

    @Option(name: .customLong("producer-group"), help: "A producer group to look up on the source; repeatable.")
    var producerGroups: [String] = []

    @OptionGroup var state: StateOptions
    @OptionGroup var credentials: TaskCredentialOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let database = try self.state.database()
        guard var task = try TrafficStore(database: database).task(named: self.name) else {
            throw fail("no task named \(self.name)")
        }
        if !self.selectors.isEmpty {
            task.topics = task.topics.filter { topic in self.selectors.contains { TopicSelector($0).matches(topic.name) } }
        }
        let accessStore = ProxyAccessStore(database: database)
        let client = RemotingClient(
            configuration: .signed(with: try self.credentials.resolve().source),
            logger: Logger(label: "ferry.migrate") { _ in SwiftLogNoOpLogHandler() })
        let report = await ClientMoveReport.build(
            task: task, accesses: try accessStore.accesses(task: task.name), health: try accessStore.health(task: task.name),
            source: RocketMQAdmin(client: client, nameServers: task.sourceNameServers), producerGroups: self.producerGroups)
        await client.shutdown()
        if self.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.text(report), terminator: "")
        }
    }

    static func text(_ report: ClientMoveReport) -> String {
        var text = ""
        if let proxy = report.proxy {
            let age = max(0, (Int64(Date().timeIntervalSince1970 * 1000) - proxy.updatedMillis) / 1000)
            text += "proxy \(proxy.listen): last report \(age)s ago\(proxy.warning.isEmpty ? "" : "; WARNING: \(proxy.warning)")\n"
        } else {
            text += "no proxy has run for task \(report.task) on this state file\n"
        }
        for topic in report.topics {
            text += "\n\(topic.topic) (stage \(topic.stage)): \(topic.proxyHosts.count) host(s) on the proxy, \(topic.notMoved) source client(s) not moved\n"
            for host in topic.proxyHosts {
                text += "  proxy     \(host.host)  last \(host.lastAddress)  queries \(host.queries)\n"
            }
            for client in topic.sourceClients {
                text += "  \(client.role.padding(toLength: 9, withPad: " ", startingAt: 0)) \(client.group)  \(client.clientId)  \(client.clientAddr)  \(client.onProxy ? "moved" : "NOT MOVED")\n"
            }
        }
        for warning in report.warnings { text += "warning: \(warning)\n" }
        return text
    }
}
