import ArgumentParser
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import RocketMQClient
import TrafficMigration

/// `--state FILE`: the state file shared with the import journal and the proxy.
struct StateOptions: ParsableArguments {
    @Option(help: "The state file (SQLite). Default: ~/.ferry/state.sqlite.")
    var state: String = FileManager.default.homeDirectoryForCurrentUser
        .appendingPathComponent(".ferry/state.sqlite").path

    /// Opens the traffic store, or fails with exit code 2.
    func store() throws -> TrafficStore {
        TrafficStore(database: try self.database())
    }

    /// Opens the state database (creating it and applying migrations when needed), or fails with exit code 2.
    func database() throws -> MigrationDatabase {
        do {
            return try MigrationDatabase(path: self.state)
        } catch {
            throw fail("\(error)")
        }
    }
}

/// `SELECTOR… | --all`: the topics a command applies to.
struct SelectionOptions: ParsableArguments {
    @Argument(help: "Topic names or globs (`*`, `?`).")
    var selectors: [String] = []

    @Flag(help: "Every topic.")
    var all = false

    /// Whether an empty selection means every topic (status, history) or is an error (steps).
    func validate(required: Bool) throws {
        if self.all && !self.selectors.isEmpty { throw ValidationError("give topics or --all, not both") }
        if required && !self.all && self.selectors.isEmpty { throw ValidationError("give topics or --all") }
    }

    var selection: MigrationTaskResolver.Selection {
        self.all || self.selectors.isEmpty ? .all : .selectors(self.selectors.map(TopicSelector.init))
    }
}

/// Admin connections to a task's two clusters for the duration of one command.
struct ClusterConnections {
    let clients: [RemotingClient]
    let clusters: TrafficClusters

    /// Short timeouts: `status` must say "unreachable" soon rather than hang.
    static func with<T>(
        source: [String], target: [String], _ body: (TrafficClusters) async throws -> T
    ) async throws -> T {
        var configuration = RemotingClientConfiguration()
        configuration.requestTimeout = .seconds(3)
        let logger = Logger(label: "ferry.migrate") { _ in SwiftLogNoOpLogHandler() }
        let sourceClient = RemotingClient(configuration: configuration, logger: logger)
        let targetClient = RemotingClient(configuration: configuration, logger: logger)
        let clusters = TrafficClusters(
            source: RocketMQTrafficClusterReader(
                admin: RocketMQAdmin(client: sourceClient, nameServers: source, timeout: .seconds(3))),
            target: RocketMQTrafficClusterReader(
                admin: RocketMQAdmin(client: targetClient, nameServers: target, timeout: .seconds(3))))
        do {
            let result = try await body(clusters)
            await sourceClient.shutdown()
            await targetClient.shutdown()
            return result
        } catch {
            await sourceClient.shutdown()
            await targetClient.shutdown()
            throw error
        }
    }
}

/// Who runs the command, for the audit log: `$USER@host`.
func currentActor() -> String {
    let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    return "\(user)@\(ProcessInfo.processInfo.hostName)"
}

/// Encodes `value` as the `--json` outputs do: sorted keys, ISO 8601 dates, pretty.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
