@testable import RocketMQClient
import NIOCore
import RocketMQRemoting
import RocketMQTestSupport
import Testing

@Suite struct AclSignerTests {
    /// Recomputes the Signature of a captured signed request from its other ext fields and body.
    @Test(arguments: [
        "0021_GET_ALL_TOPIC_CONFIG__ACL__SUCCESS",
        "0105_GET_ROUTEINFO_BY_TOPIC__TBW102__ACL__TOPIC_NOT_EXIST",
    ])
    func signatureMatchesTheCapturedFrame(name: String) throws {
        let request = try Fixtures.exchange(name).request
        let captured = try #require(request.ext("Signature"))
        var fields = request.extFields!.dictionary
        fields["Signature"] = nil
        fields["AccessKey"] = nil
        AclSigner(credentials: AclCredentials(accessKey: "ferryAdmin", secretKey: "ferrySecret123"))
            .sign(extFields: &fields, body: request.body.map { Array($0.readableBytesView) } ?? [])
        #expect(fields["Signature"] == captured)
        #expect(fields["AccessKey"] == "ferryAdmin")
    }

    @Test func bodyAndSecurityTokenTakePartInTheSignature() {
        let credentials = AclCredentials(accessKey: "ak", secretKey: "sk", securityToken: "tok")
        var withBody: [String: String] = ["topic": "t"]
        AclSigner(credentials: credentials).sign(extFields: &withBody, body: Array("body".utf8))
        var withoutBody: [String: String] = ["topic": "t"]
        AclSigner(credentials: credentials).sign(extFields: &withoutBody, body: [])
        #expect(withBody["SecurityToken"] == "tok")
        #expect(withBody["Signature"] != withoutBody["Signature"])
        // AccessKey < SecurityToken < topic in Java's TreeMap order, then the body.
        #expect(withBody["Signature"] == AclSigner.signature(extFields: ["x": "aktoktbody"], body: [], secretKey: "sk"))
    }

    @Test func descriptionHidesTheSecrets() {
        let text = "\(AclCredentials(accessKey: "ferryAdmin", secretKey: "ferrySecret123", securityToken: "t0k"))"
        #expect(text.contains("ferryAdmin"))
        #expect(!text.contains("ferrySecret123"))
        #expect(!text.contains("t0k"))
    }
}
