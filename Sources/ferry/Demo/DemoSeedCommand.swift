import ArgumentParser
import MetadataMigration

/// `ferry demo seed --namesrv ADDR [--topics N]`: fills a cluster with namespaced topics and groups.
struct DemoSeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Create namespaced demo topics (mro%…, pay%…, plain names) and a group per topic on every master."
    )

    @Option(help: "The NameServer, host:port.") var namesrv: String
    @Option(help: "How many topics (and as many groups).") var topics = 300
    @OptionGroup var credentials: CredentialOptions

    func run() async throws {
        do {
            let written = try await self.credentials.withAdmin(self.namesrv) { admin, _ in
                try await DemoSeeder(admin: admin).seed(topics: self.topics)
            }
            print("seeded \(written) topics and groups into \(self.namesrv)")
        } catch {
            throw fail("seeding \(self.namesrv) failed: \(error)")
        }
    }
}
