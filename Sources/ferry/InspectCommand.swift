import ArgumentParser
import Logging
import RocketMQClient

/// `ferry inspect`: look at a cluster the way mqadmin does. The tables come from `RocketMQInspector`.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a RocketMQ cluster's brokers, topics, groups, routes, consumer progress or connections."
    )

    /// What to show.
    enum View: String, ExpressibleByArgument, CaseIterable {
        case cluster, topics, groups, route, progress, connections
    }

    @Option(name: .long, help: "NameServer address host:port; repeat or separate with ';' for several.")
    var namesrv: [String]

    @OptionGroup var credentials: CredentialOptions

    @Flag(
        name: .long,
        help: "Print JSON data instead of a table: an array of objects with RocketMQ's camelCase field names.")
    var json = false

    @Argument(help: "cluster | topics | groups | route TOPIC | progress GROUP | connections GROUP")
    var view: View

    @Argument(help: "The topic (route) or consumer group (progress, connections).")
    var name: String?

    func validate() throws {
        if [.route, .progress, .connections].contains(self.view), self.name == nil {
            throw ValidationError("'\(self.view.rawValue)' needs a \(self.view == .route ? "topic" : "group") name")
        }
    }

    func run() async throws {
        var configuration = RemotingClientConfiguration()
        do {
            configuration.credentials = try self.credentials.resolve()
        } catch {
            throw fail("\(error)")
        }
        let client = RemotingClient(configuration: configuration, logger: Logger(label: "ferry.inspect"))
        let nameServers = self.namesrv.flatMap { $0.split(separator: ";").map(String.init) }
        let inspector = RocketMQInspector(admin: RocketMQAdmin(client: client, nameServers: nameServers))
        do {
            let table: InspectTable
            switch self.view {
            case .cluster: table = try await inspector.cluster()
            case .topics: table = try await inspector.topics()
            case .groups: table = try await inspector.groups()
            case .route: table = try await inspector.route(topic: self.name!)
            case .progress: table = try await inspector.progress(group: self.name!)
            case .connections: table = try await inspector.connections(group: self.name!)
            }
            print(self.json ? table.json : table.text, terminator: "")
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
