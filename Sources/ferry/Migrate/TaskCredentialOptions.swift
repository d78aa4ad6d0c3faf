import ArgumentParser
import MetadataMigration
import RocketMQClient

/// `--source-acl-keys-file` / `--target-acl-keys-file`: the ACL 1.0 keys requests to each cluster of a task are
/// signed with, when its brokers check ACL. Files only (mqadmin's `conf/tools.yml` shape, kept 0600): a key on the
/// command line would show in `ps`, and one pair of environment variables cannot tell the two clusters apart.
struct TaskCredentialOptions: ParsableArguments {
    @Option(
        name: .customLong("source-acl-keys-file"),
        help: "A YAML file with `accessKey:` and `secretKey:` for the source cluster's brokers (keep it 0600).")
    var sourceKeysFile: String?

    @Option(
        name: .customLong("target-acl-keys-file"),
        help: "The same for the target cluster's brokers.")
    var targetKeysFile: String?

    /// The keys of each side, nil for a side without a file; fails with exit code 2 when a file cannot be read
    /// (the error never quotes the file).
    func resolve() throws -> (source: AclCredentials?, target: AclCredentials?) {
        do {
            return (try Self.read(self.sourceKeysFile), try Self.read(self.targetKeysFile))
        } catch {
            throw fail("\(error)")
        }
    }

    private static func read(_ path: String?) throws -> AclCredentials? {
        guard let path else { return nil }
        return try AclKeySources(file: path, environment: [:]).resolve()
            .map { AclCredentials(accessKey: $0.accessKey, secretKey: $0.secretKey) }
    }
}

extension RemotingClientConfiguration {
    /// The default configuration, signing with `credentials` when given.
    static func signed(with credentials: AclCredentials?) -> RemotingClientConfiguration {
        var configuration = RemotingClientConfiguration()
        configuration.credentials = credentials
        return configuration
    }
}
