import Foundation
import Testing

@testable import ControlProtocol

/// ``ControlSecret`` needs 16 bytes, reads a private file or an env var, and never shows itself.
@Suite struct ControlSecretTests {
    @Test func refusesFewerThanSixteenBytes() {
        let error = #expect(throws: ControlErrorBody.self) { try ControlSecret(bytes: Array("fifteen bytes!!".utf8)) }
        #expect(error?.message.contains("fifteen") == false)
        #expect(throws: Never.self) { try ControlSecret(bytes: Array("sixteen bytes!!!".utf8)) }
    }

    @Test func printsAsRedactedEverywhere() throws {
        let secret = try testSecret()
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("horse"))
        #expect(!"\([secret])".contains("horse"))
    }

    @Test func loadsAPrivateFileAndDropsTheTrailingNewline() throws {
        let file = try Self.write("\(testSecretText)\r\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let loaded = try ControlSecret.load(file: file, environment: nil)
        #expect(Self.sameKey(loaded, try testSecret()))
    }

    @Test func refusesAFileOthersCanRead() throws {
        let file = try Self.write(testSecretText, mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = #expect(throws: ControlErrorBody.self) { try ControlSecret.load(file: file, environment: nil) }
        #expect(error?.message.contains("readable by group or others (mode 644)") == true)
        #expect(error?.message.contains("horse") == false)
    }

    @Test func refusesAShortFileWithoutQuotingIt() throws {
        let file = try Self.write("short secret\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let error = #expect(throws: ControlErrorBody.self) { try ControlSecret.load(file: file, environment: nil) }
        #expect(error?.message.contains("12 bytes") == true)
        #expect(error?.message.contains("short secret") == false)
    }

    @Test func readsAnEnvironmentVariableAndNamesAMissingOne() throws {
        let name = "FERRY_TEST_SECRET_\(UInt32.random(in: 0...UInt32.max))"
        setenv(name, testSecretText + "\n", 1)
        defer { unsetenv(name) }
        #expect(Self.sameKey(try ControlSecret.load(file: nil, environment: name), try testSecret()))
        let error = #expect(throws: ControlErrorBody.self) {
            try ControlSecret.load(file: nil, environment: name + "_UNSET")
        }
        #expect(error?.message == "the environment variable \(name)_UNSET is not set")
        #expect(throws: ControlErrorBody.self) { try ControlSecret.load(file: nil, environment: nil) }
    }

    /// Same key: both produce the same MAC.
    static func sameKey(_ a: ControlSecret, _ b: ControlSecret) -> Bool {
        let nonce = ControlAuth.makeNonce()
        return ControlAuth.clientMAC(secret: a, serverNonce: nonce, clientNonce: nonce, role: .agent, id: "x")
            == ControlAuth.clientMAC(secret: b, serverNonce: nonce, clientNonce: nonce, role: .agent, id: "x")
    }

    static func write(_ text: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-secret-\(UUID().uuidString)")
            .path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }
}
