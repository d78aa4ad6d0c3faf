public import Foundation
import MetadataMigration
public import RocketMQClient

extension ClusterEndpoint {
    /// The ACL keys requests to this cluster are signed with: from ``credentialsFile``, else from the variables
    /// ``accessKeyEnv`` and ``secretKeyEnv``; nil when none is configured. ``AclCredentials`` prints without the
    /// secret, and no error here quotes a key.
    /// - Parameters:
    ///   - field: the endpoint's name in the config file, for errors.
    ///   - environment: the process environment (injectable for tests).
    public func credentials(
        field: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(AgentConfigurationError) -> AclCredentials? {
        var variables: [String: String] = [:]
        if let name = self.accessKeyEnv {
            guard let value = environment[name], !value.isEmpty else {
                throw AgentConfigurationError(field: "\(field).accessKeyEnv", "the variable \(name) is not set")
            }
            variables[AclKeySources.accessKeyVariable] = value
        }
        if let name = self.secretKeyEnv {
            guard let value = environment[name], !value.isEmpty else {
                throw AgentConfigurationError(field: "\(field).secretKeyEnv", "the variable \(name) is not set")
            }
            variables[AclKeySources.secretKeyVariable] = value
        }
        if let file = self.credentialsFile { try Self.checkPrivate(file, field: "\(field).credentialsFile") }
        do throws(MetadataMigrationError) {
            return try AclKeySources(file: self.credentialsFile, environment: variables).resolve()
                .map { AclCredentials(accessKey: $0.accessKey, secretKey: $0.secretKey) }
        } catch {
            throw AgentConfigurationError(field: field, error.reason)
        }
    }

    /// A keys file readable by others leaks the secret key: refuse it (as ssh does).
    private static func checkPrivate(_ path: String, field: String) throws(AgentConfigurationError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? Int
        else { throw AgentConfigurationError(field: field, "cannot read \(path)") }
        guard permissions & 0o077 == 0 else {
            throw AgentConfigurationError(field: field, "\(path) is readable by others; chmod 600 it")
        }
    }
}
