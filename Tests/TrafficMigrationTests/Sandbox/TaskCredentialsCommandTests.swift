import Foundation
import RocketMQClient
import RocketMQRemoting
import RocketMQSandbox
import Testing

/// `ferry migrate` against a source whose brokers check ACL: the commands sign with the keys of
/// `--source-acl-keys-file`, refuse a broken file without quoting it, and fail clearly without keys.
@Suite(.serialized, .timeLimit(.minutes(5))) struct TaskCredentialsCommandTests {
    static let secret = "ferrySecret123"

    @Test(.enabled(if: MigrateCommandTests.ferry != nil, "the ferry executable is not built next to the tests"))
    func migrateCommandsSignWithTheSourcesKeysFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-acl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.sqlite").path
        let keys = directory.appendingPathComponent("source-keys.yml").path
        _ = FileManager.default.createFile(
            atPath: keys, contents: Data("accessKey: ferryAdmin\nsecretKey: \(Self.secret)\n".utf8),
            attributes: [.posixPermissions: 0o600])
        let broken = directory.appendingPathComponent("broken.yml").path
        _ = FileManager.default.createFile(
            atPath: broken, contents: Data("accessKey: [ferryAdmin\nsecretKey: \(Self.secret)\n".utf8),
            attributes: [.posixPermissions: 0o600])
        var options = SandboxOptions()
        options.aclAccounts = [SandboxACLAccount(accessKey: "ferryAdmin", secretKey: Self.secret, admin: true)]
        try await SandboxClusters.with(sourceOptions: options) { sandbox in
            var signed = RemotingClientConfiguration()
            signed.credentials = AclCredentials(accessKey: "ferryAdmin", secretKey: Self.secret)
            let admin = RocketMQAdmin(
                client: RemotingClient(configuration: signed, logger: SandboxClusters.logger),
                nameServers: [sandbox.source.nameServerAddress])
            for address in sandbox.source.brokerAddresses.values.sorted() {
                try await admin.createOrUpdateTopic(TopicConfig(topicName: "orders", readQueueNums: 4, writeQueueNums: 4), broker: address)
            }
            await sandbox.source.registerBrokers()
            try await sandbox.createTopic("orders", on: sandbox.target)
            let create = [
                "migrate", "create", "shop", "--source", sandbox.source.nameServerAddress, "--target",
                sandbox.target.nameServerAddress, "--state", state, "orders",
            ]

            let unsigned = try await MigrateCommandTests.run(create)
            #expect(unsigned.status == 2, "\(unsigned.output)")
            #expect(unsigned.error.contains("cannot create task shop"))

            let unreadable = try await MigrateCommandTests.run(create + ["--source-acl-keys-file", broken])
            #expect(unreadable.status == 2)
            #expect(!unreadable.error.contains(Self.secret) && !unreadable.output.contains(Self.secret))

            let created = try await MigrateCommandTests.run(create + ["--source-acl-keys-file", keys])
            #expect(created.status == 0, "\(created.error)")
            let check = try await MigrateCommandTests.run([
                "migrate", "check", "shop", "--json", "--state", state, "--source-acl-keys-file", keys,
            ])
            #expect(check.status == 0, "\(check.output) \(check.error)")
            let advanced = try await MigrateCommandTests.run([
                "migrate", "advance", "shop", "--all", "--state", state, "--source-acl-keys-file", keys,
            ])
            #expect(advanced.status == 0, "\(advanced.output) \(advanced.error)")
            #expect(advanced.output.contains("orders: initial → dual-read"))
            let status = try await MigrateCommandTests.run([
                "migrate", "status", "shop", "--json", "--state", state, "--source-acl-keys-file", keys,
            ])
            #expect(status.status == 0, "\(status.error)")
            #expect(!status.output.contains(Self.secret) && !status.error.contains(Self.secret))
        }
    }
}
