import ArgumentParser
import Foundation
import Logging
import MigrationEngine
import MigrationStore
import NameServerProxy

/// `ferry proxy NAME --listen HOST:PORT`: serves a migration task's routes to clients until interrupted.
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Run the routing proxy (a NameServer) for a migration task.",
        discussion: """
            Clients point namesrvAddr at --listen once. Steps made with `ferry migrate advance|rollback` on the \
            same state file are served within one second; clients pick them up at their next route poll.
            """
    )

    @Argument(help: "The migration task.")
    var name: String

    @Option(help: "Where to listen, HOST:PORT (e.g. 0.0.0.0:9876).")
    var listen: String

    @OptionGroup var state: StateOptions

    func validate() throws {
        guard Self.split(self.listen) != nil else { throw ValidationError("--listen must be HOST:PORT") }
    }

    static func split(_ address: String) -> (String, Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65_535).contains(port)
        else { return nil }
        return (String(address[..<colon]), port)
    }

    func run() async throws {
        let database = try self.state.database()
        let traffic = TrafficStore(database: database)
        guard let task = try traffic.task(named: self.name) else { throw fail("no task named \(self.name)") }
        guard let address = Self.split(self.listen) else { throw fail("--listen must be HOST:PORT") }
        let (host, port) = address
        let logger = Logger(label: "ferry.proxy")
        let proxy = try await NameServerProxy.start(
            task: task.name, database: database,
            configuration: NameServerProxyConfiguration(
                sourceNameServers: task.sourceNameServers, targetNameServers: task.targetNameServers),
            host: host, port: port, logger: logger)
        print("ferry proxy: serving task \(task.name) on \(host):\(proxy.port); Ctrl-C stops")
        fflush(nil)
        await SandboxCommand.waitForTermination()
        await proxy.shutdown()
    }
}
