import Foundation
import YAMLDiagnostics
import Yams

/// Where `ferry` takes the ACL 1.0 access and secret keys it signs requests with. For each key, the
/// first of these that gives it wins: the command-line flag (`--ak`, `--sk`: visible to every local
/// user in `ps` and kept in shell history), the keys file (`--acl-keys-file`, mqadmin's `conf/tools.yml`
/// shape: `accessKey: …` and `secretKey: …`), then the environment (`FERRY_ACCESS_KEY`, `FERRY_SECRET_KEY`).
public struct AclKeySources: Sendable {
    /// The environment variable holding the access key.
    public static let accessKeyVariable = "FERRY_ACCESS_KEY"
    /// The environment variable holding the secret key.
    public static let secretKeyVariable = "FERRY_SECRET_KEY"

    /// `--ak`.
    public var accessKey: String?
    /// `--sk`.
    public var secretKey: String?
    /// `--acl-keys-file`.
    public var file: String?
    /// The process environment.
    public var environment: [String: String]

    /// Sources from flags, a file and an environment (nil: the process's).
    public init(
        accessKey: String? = nil, secretKey: String? = nil, file: String? = nil, environment: [String: String]? = nil
    ) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.file = file
        self.environment = environment ?? ProcessInfo.processInfo.environment
    }

    /// The keys, or nil when no source gives either. Throws when only one of the two is given, or the
    /// file cannot be read (the error never quotes the file).
    public func resolve() throws(MetadataMigrationError) -> (accessKey: String, secretKey: String)? {
        let fromFile = try self.file.map { path throws(MetadataMigrationError) in try Self.readFile(path) }
        let accessKey = self.accessKey ?? fromFile?.accessKey ?? self.nonEmpty(Self.accessKeyVariable)
        let secretKey = self.secretKey ?? fromFile?.secretKey ?? self.nonEmpty(Self.secretKeyVariable)
        switch (accessKey, secretKey) {
        case (nil, nil): return nil
        case (let accessKey?, let secretKey?): return (accessKey, secretKey)
        case (nil, _):
            throw MetadataMigrationError(
                .credentialsIncomplete,
                "a secret key but no access key: give --ak, accessKey in the keys file, or \(Self.accessKeyVariable)")
        case (_, nil):
            throw MetadataMigrationError(
                .credentialsIncomplete,
                "an access key but no secret key: give --sk, secretKey in the keys file, or \(Self.secretKeyVariable)")
        }
    }

    private func nonEmpty(_ variable: String) -> String? {
        self.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    private struct FileShape: Decodable {
        var accessKey: String?
        var secretKey: String?
    }

    private static func readFile(_ path: String) throws(MetadataMigrationError) -> FileShape {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MetadataMigrationError(.credentialsIncomplete, "cannot read the keys file \(path)", underlying: error)
        }
        do {
            return try YAMLDecoder().decode(FileShape.self, from: text)
        } catch {
            throw MetadataMigrationError(
                .credentialsIncomplete,
                "\(path) is not a keys file (accessKey: …, secretKey: …): \(YAMLErrorText.describe(error))")
        }
    }
}
