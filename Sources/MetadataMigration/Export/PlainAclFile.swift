import Foundation
import MigrationEngine
import YAMLDiagnostics
import Yams

/// A broker-local ACL 1.0 file, `conf/plain_acl.yml`: `globalWhiteRemoteAddresses` and `accounts`.
/// The source of ACL accounts for clusters without the ACL admin codes (4.4 has none).
public enum PlainAclFile {
    /// Parses the file's text; an error names the line or key path, never the file's contents.
    public static func parse(_ text: String, source: String) throws(MetadataMigrationError) -> AclSnapshot {
        let file: FileShape
        do {
            file = try YAMLDecoder().decode(FileShape.self, from: text)
        } catch {
            // Never the parser's own text: it quotes the offending line, secret key included.
            throw MetadataMigrationError(
                .aclFileUnreadable, "\(source) is not a plain_acl.yml: \(YAMLErrorText.describe(error))")
        }
        let accounts = (file.accounts ?? []).map { account in
            AclAccount(
                accessKey: account.accessKey, secretKey: account.secretKey,
                whiteRemoteAddress: account.whiteRemoteAddress.flatMap { $0.isEmpty ? nil : $0 },
                admin: account.admin ?? false, defaultTopicPerm: account.defaultTopicPerm,
                defaultGroupPerm: account.defaultGroupPerm, topicPerms: account.topicPerms ?? [],
                groupPerms: account.groupPerms ?? [])
        }
        return AclSnapshot(accounts: accounts, globalWhiteAddrs: file.globalWhiteRemoteAddresses ?? [])
    }

    /// Reads and parses the file at `path`.
    public static func read(path: String) throws(MetadataMigrationError) -> AclSnapshot {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MetadataMigrationError(.aclFileUnreadable, "cannot read \(path)", underlying: error)
        }
        return try Self.parse(text, source: path)
    }

    private struct FileShape: Decodable {
        var globalWhiteRemoteAddresses: [String]?
        var accounts: [Account]?
    }

    private struct Account: Decodable {
        var accessKey: String
        var secretKey: String
        var whiteRemoteAddress: String?
        var admin: Bool?
        var defaultTopicPerm: String?
        var defaultGroupPerm: String?
        var topicPerms: [String]?
        var groupPerms: [String]?
    }
}
