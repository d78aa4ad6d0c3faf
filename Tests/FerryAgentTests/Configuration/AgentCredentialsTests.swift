import FerryAgent
import Foundation
import RocketMQClient
import Testing

@Suite struct AgentCredentialsTests {
    static let secret = "S3cr3t-Value-Never-Printed"

    @Test func keysComeFromTheNamedVariablesAndPrintWithoutTheSecret() throws {
        let endpoint = ClusterEndpoint(nameServers: ["a:9876"], accessKeyEnv: "SRC_AK", secretKeyEnv: "SRC_SK")
        let credentials = try #require(
            try endpoint.credentials(field: "source", environment: ["SRC_AK": "rocketmq2", "SRC_SK": Self.secret]))
        #expect(credentials == AclCredentials(accessKey: "rocketmq2", secretKey: Self.secret))
        #expect(!"\(credentials)".contains(Self.secret))
        #expect(!String(reflecting: credentials).contains(Self.secret))
    }

    @Test func noKeysConfiguredMeansNoACL() throws {
        #expect(try ClusterEndpoint(nameServers: ["a:9876"]).credentials(field: "source", environment: [:]) == nil)
    }

    @Test func anUnsetVariableNamesTheFieldAndTheVariableOnly() {
        let endpoint = ClusterEndpoint(nameServers: ["a:9876"], accessKeyEnv: "SRC_AK", secretKeyEnv: "SRC_SK")
        #expect(throws: AgentConfigurationError(field: "source.secretKeyEnv", "the variable SRC_SK is not set")) {
            try endpoint.credentials(field: "source", environment: ["SRC_AK": "rocketmq2"])
        }
    }

    @Test func keysComeFromAPrivateFileAndAWorldReadableOneIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "accessKey: rocketmq2\nsecretKey: \(Self.secret)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let endpoint = ClusterEndpoint(nameServers: ["a:9876"], credentialsFile: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        do throws(AgentConfigurationError) {
            _ = try endpoint.credentials(field: "target", environment: [:])
            Issue.record("a world-readable keys file was accepted")
        } catch {
            #expect(error.field == "target.credentialsFile")
            #expect(!error.description.contains(Self.secret))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let credentials = try endpoint.credentials(field: "target", environment: [:])
        #expect(credentials?.accessKey == "rocketmq2")
        #expect(credentials?.secretKey == Self.secret)
    }

    @Test func aBrokenKeysFileIsRefusedWithoutQuotingIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "accessKey: [\(Self.secret)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        do throws(AgentConfigurationError) {
            _ = try ClusterEndpoint(nameServers: ["a:9876"], credentialsFile: path).credentials(field: "target", environment: [:])
            Issue.record("a broken keys file was accepted")
        } catch {
            #expect(error.field == "target")
            #expect(!error.description.contains(Self.secret))
        }
    }
}
