import ArgumentParser
import Logging
import MetadataMigration
import RocketMQClient

/// ACL 1.0 credentials for signing requests (`--ak`/`--sk`).
struct CredentialOptions: ParsableArguments {
    @Option(name: .customLong("ak"), help: "ACL access key for signing requests.")
    var accessKey: String?

    @Option(name: .customLong("sk"), help: "ACL secret key for signing requests (never printed).")
    var secretKey: String?

    func validate() throws {
        if (self.accessKey == nil) != (self.secretKey == nil) {
            throw ValidationError("--ak and --sk go together")
        }
    }

    /// Runs `body` with an admin for the cluster behind `nameServer`, signing with these credentials,
    /// and closes its connections afterwards.
    func withAdmin<T>(_ nameServer: String, _ body: (RocketMQMetadataAdmin) async throws -> T) async throws -> T {
        let credentials = self.accessKey.map { AclCredentials(accessKey: $0, secretKey: self.secretKey ?? "") }
        let logger = Logger(label: "ferry.metadata") { _ in SwiftLogNoOpLogHandler() }
        let admin = RocketMQMetadataAdmin.connect(nameServer: nameServer, credentials: credentials, logger: logger)
        do {
            let result = try await body(admin)
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
