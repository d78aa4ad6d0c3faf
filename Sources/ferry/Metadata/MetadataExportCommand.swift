import ArgumentParser
import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore

/// `ferry metadata export --namesrv SRC [--cluster NAME] [--ak … --sk …] [--acl-file PATH] -o FILE [--json]`.
struct MetadataExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a live cluster's topics, groups, ACL accounts and consumer offsets.",
        discussion: """
            Reads every master broker with GET_ALL_TOPIC_CONFIG (21), GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201), \
            GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305) and GET_ALL_CONSUMER_OFFSET (43), so 4.4 sources work. \
            Writes mqadmin exportMetadata's format plus a `ferry` section with per-broker queue counts, \
            offsets and ACL accounts (from the ACL admin code, else from --acl-file). System topics and \
            groups are skipped.
            """
    )

    @Option(help: "The source NameServer, host:port (several separated by ';').")
    var namesrv: String

    @Option(help: "The cluster to export (default: the only one the NameServer knows).")
    var cluster: String?

    @OptionGroup var credentials: CredentialOptions

    @Option(help: "A broker-local plain_acl.yml to read ACL accounts from when the source has no ACL admin codes.")
    var aclFile: String?

    @Option(name: .shortAndLong, help: "The export file to write.")
    var output: String

    @Flag(help: """
        Print the summary as JSON data: file, sourceCluster, exportTime, brokers and counts (topics, groups, \
        consumerOffsets, aclAccounts, orderTopicConfs).
        """)
    var json = false

    func run() async throws {
        let export: MetadataExport
        do {
            export = try await self.credentials.withAdmin(self.namesrv) { admin, secrets in
                do {
                    return try await MetadataExporter(admin: admin, aclFile: self.aclFile).export(cluster: self.cluster)
                } catch {
                    throw fail(SecretRedactor(secrets: secrets).redact("export from \(self.namesrv) failed: \(error)"))
                }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("export from \(self.namesrv) failed: \(error)")
        }
        do {
            // The file holds the accounts' secret keys: its owner's only.
            try PrivateFile.write(export.encoded(), to: self.output)
        } catch {
            throw fail("cannot write \(self.output): \(error)")
        }
        if self.json {
            print(String(decoding: export.summaryJSON(file: self.output), as: UTF8.self))
        } else {
            print(export.summaryLine(file: self.output))
        }
        if (try? self.credentials.resolve()) != nil, self.aclFile == nil, export.ferry?.aclAccounts.isEmpty ?? true {
            // A signed source has ACL on; brokers without code 54 (4.4, and 4.9.8 as captured) cannot list accounts.
            FileHandle.standardError.write(Data(
                ("warning: the source has ACL on but no accounts could be read from its brokers; "
                    + "pass --acl-file with a broker's conf/plain_acl.yml to migrate them\n").utf8))
        }
    }
}
