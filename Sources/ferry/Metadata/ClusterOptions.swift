import ArgumentParser
import Logging
import MetadataMigration
import MigrationEngine
import RocketMQClient

/// ACL 1.0 credentials for signing requests: flags, a keys file or the environment (``AclKeySources``).
struct CredentialOptions: ParsableArguments {
    @Option(
        name: .customLong("ak"),
        help: "ACL access key for signing requests. Wins over --acl-keys-file and $FERRY_ACCESS_KEY.")
    var accessKey: String?

    @Option(
        name: .customLong("sk"),
        help: """
            ACL secret key (never printed). Wins over --acl-keys-file and $FERRY_SECRET_KEY, but every local \
            user sees it in `ps` and shell history keeps it: prefer the file or the variable.
            """)
    var secretKey: String?

    @Option(
        name: .customLong("acl-keys-file"),
        help: """
            A YAML file with `accessKey:` and `secretKey:` (mqadmin's conf/tools.yml shape; keep it 0600). \
            Its keys win over $FERRY_ACCESS_KEY and $FERRY_SECRET_KEY, and lose to --ak and --sk.
            """)
    var keysFile: String?

    /// The keys from the first source that gives each (flag, file, environment); nil when none does.
    func resolve() throws -> AclCredentials? {
        let sources = AclKeySources(accessKey: self.accessKey, secretKey: self.secretKey, file: self.keysFile)
        return try sources.resolve().map { AclCredentials(accessKey: $0.accessKey, secretKey: $0.secretKey) }
    }

    /// Runs `body` with an admin for the cluster behind `nameServer`, signing with these credentials,
    /// and closes its connections afterwards. `body` also gets the secret signed with, to redact.
    func withAdmin<T>(
        _ nameServer: String, _ body: (RocketMQMetadataAdmin, [String]) async throws -> T
    ) async throws -> T {
        let credentials = try self.resolve()
        let logger = Logger(label: "ferry.metadata") { _ in SwiftLogNoOpLogHandler() }
        let admin = RocketMQMetadataAdmin.connect(nameServer: nameServer, credentials: credentials, logger: logger)
        do {
            let result = try await body(admin, [credentials?.secretKey].compactMap { $0 })
            await admin.shutdown()
            return result
        } catch {
            await admin.shutdown()
            throw error
        }
    }
}

/// Prints `ferry: message` to standard error and exits with code 2 (the command could not run).
func fail(_ message: String) -> ExitCode {
    FileHandleOutput.standardError("ferry: \(message)\n")
    return ExitCode(2)
}
