import Foundation
import MetadataMigration
import MigrationEngine
import MigrationStore
import Testing

/// Issue 14 item 11 and issue 12 item 5: files and variables that hold secrets.
@Suite struct SecretInputTests {
    /// A broken `--acl-file` printed the offending YAML line, secret key included.
    @Test func aBrokenPlainAclFileIsDescribedWithoutItsContents() {
        let text = """
            accounts:
              - accessKey: ferryUser
                secretKey: "open-quote-secret-123
                admin: false
            """
        let error = #expect(throws: MetadataMigrationError.self) { try PlainAclFile.parse(text, source: "plain_acl.yml") }
        let description = error.map { "\($0)" } ?? ""
        #expect(!description.contains("open-quote-secret-123"), "\(description)")
        #expect(description.contains("plain_acl.yml is not a plain_acl.yml"))
        #expect(description.contains("line"))
    }

    @Test func aMissingKeyIsNamedByItsPath() {
        let text = "accounts:\n  - accessKey: ferryUser\n    admin: false\n"
        let error = #expect(throws: MetadataMigrationError.self) { try PlainAclFile.parse(text, source: "acl.yml") }
        #expect(error?.reason.contains("missing key `accounts[0].secretKey`") == true)
    }

    @Test func flagsWinOverTheFileWhichWinsOverTheEnvironment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).yml").path
        try PrivateFile.write(Data("accessKey: fileAccess\nsecretKey: file-secret-1\n".utf8), to: file)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let environment = [AclKeySources.accessKeyVariable: "envAccess", AclKeySources.secretKeyVariable: "env-secret-1"]

        let fromEnvironment = try AclKeySources(environment: environment).resolve()
        #expect(fromEnvironment?.accessKey == "envAccess" && fromEnvironment?.secretKey == "env-secret-1")
        let fromFile = try AclKeySources(file: file, environment: environment).resolve()
        #expect(fromFile?.accessKey == "fileAccess" && fromFile?.secretKey == "file-secret-1")
        let fromFlags = try AclKeySources(secretKey: "flag-secret-1", file: file, environment: environment).resolve()
        #expect(fromFlags?.accessKey == "fileAccess" && fromFlags?.secretKey == "flag-secret-1")
        #expect(try AclKeySources(environment: [:]).resolve() == nil)
    }

    @Test func halfACredentialIsAnError() {
        #expect(throws: MetadataMigrationError.self) {
            try AclKeySources(environment: [AclKeySources.secretKeyVariable: "only-secret"]).resolve()
        }
    }

    @Test func aBrokenKeysFileIsDescribedWithoutItsContents() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).yml").path
        try PrivateFile.write(Data("accessKey: a\nsecretKey: [unclosed-secret-9\n".utf8), to: file)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = #expect(throws: MetadataMigrationError.self) { try AclKeySources(file: file, environment: [:]).resolve() }
        #expect(error.map { "\($0)" }?.contains("unclosed-secret-9") == false)
    }
}
