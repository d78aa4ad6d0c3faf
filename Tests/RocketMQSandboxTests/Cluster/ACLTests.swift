import RocketMQRemoting
import RocketMQSandbox
import Testing

/// ACL 1.0 as the captured broker with `plain_acl.yml` (ferryAdmin admin, ferryUser) answered.
@Suite(.timeLimit(.minutes(2))) struct ACLTests {
    static var options: SandboxOptions {
        var options = SandboxOptions()
        options.aclAccounts = [
            SandboxACLAccount(accessKey: "ferryAdmin", secretKey: "ferrySecret123", admin: true),
            SandboxACLAccount(accessKey: "ferryUser", secretKey: "ferryUserSecret456"),
        ]
        return options
    }

    @Test func signedUnsignedAndBadlySignedRequests() async throws {
        try await SandboxTest.withCluster(options: Self.options) { cluster in
            try await TestConnection.with(try #require(cluster.brokerAddresses["broker-a"])) { broker in
                for name in [
                    "v4.9.8-more/0021_GET_ALL_TOPIC_CONFIG__ACL__SUCCESS",
                    "v4.9.8-more/0021_GET_ALL_TOPIC_CONFIG__ACL__SYSTEM_ERROR",
                    "v4.9.8-more/0017_UPDATE_AND_CREATE_TOPIC__ACL__SYSTEM_ERROR",
                    "v4.9.8-more/0052_GET_BROKER_CLUSTER_ACL_INFO__ACL__SUCCESS",
                ] {
                    let fixture = try Fixture(name)
                    SandboxTest.expectShape(try await broker.send(fixture.request, keepOpaque: true), like: fixture)
                }
                // A non-admin account may read but not create topics.
                var create = try Fixture("0017_UPDATE_AND_CREATE_TOPIC__SUCCESS").request
                create.extFields?["AccessKey"] = "ferryUser"
                let signature = Self.sign(create, secret: "ferryUserSecret456")
                create.extFields?["Signature"] = signature
                let refused = try await broker.send(create, keepOpaque: true)
                #expect(refused.responseCode == .systemError)
                #expect(refused.remark?.contains("Need admin permission") == true)
            }
        }
    }

    /// Signs as `AclClientRPCHook`: HmacSHA1 over the sorted ext values (no Signature) and the body.
    static func sign(_ request: RemotingCommand, secret: String) -> String {
        SignatureOracle.signature(request, secret: secret)
    }
}
