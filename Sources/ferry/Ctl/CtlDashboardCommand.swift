import ArgumentParser
import FerryCoordinator

/// `ferry ctl dashboard`: where the coordinator's web dashboard is.
struct CtlDashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Print the dashboard's URL, from the coordinator's configuration file.",
        discussion: """
            A wildcard listen address (0.0.0.0, ::) is replaced by the host of --coordinator \
            (or FERRY_COORDINATOR), the address operators already reach the coordinator at.
            """)

    @Option(help: "The coordinator's configuration file.")
    var config = "/etc/ferry/coordinator.yaml"

    @OptionGroup var connection: CtlConnectionOptions

    func run() async throws {
        let configuration: CoordinatorConfiguration
        do {
            configuration = try CoordinatorConfiguration.load(path: self.config)
        } catch {
            throw fail(error.message)
        }
        guard let url = configuration.dashboardURL(reachedAt: HostPort(parsing: self.connection.address)?.host) else {
            throw fail("\(self.config) has no dashboard section: the coordinator serves no dashboard")
        }
        print(url)
    }
}
