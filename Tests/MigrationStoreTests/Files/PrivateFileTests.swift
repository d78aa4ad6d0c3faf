import Foundation
import MigrationStore
import Testing

/// Issue 14 item 12: secret-bearing files are 0600 and the directories Ferry creates 0700.
@Suite struct PrivateFileTests {
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ferry-private-\(UUID().uuidString)").path
    }

    @Test func writtenFilesAreTheOwnersOnlyEvenWhenTheyExistedWider() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nested/export.json"
        try PrivateFile.write(Data("{}".utf8), to: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(directory + "/nested") == 0o700)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try PrivateFile.write(Data("{\"a\":1}".utf8), to: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":1}")
    }

    @Test func theStateDatabaseIsTheOwnersOnly() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/.ferry/state.sqlite"
        _ = try MigrationDatabase(path: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(directory + "/.ferry") == 0o700)
    }
}
