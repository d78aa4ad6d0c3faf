import Crypto
import NIOCore
import Foundation
import RocketMQRemoting

/// ACL 1.0 request checking as a 4.9.8 broker with `aclEnable=true` does (`PlainAccessValidator`,
/// `PlainPermissionManager.validate`): every request needs `AccessKey` and a `Signature` =
/// Base64(HmacSHA1(secret, ext values but `Signature` in key order, then the body)); admin codes need an
/// admin account. Per-topic and per-group permissions are not enforced.
struct AccessValidator: Sendable {
    /// Accounts by access key. Mutable so UPDATE_AND_CREATE_ACL_CONFIG can add or change one.
    var accounts: [String: SandboxACLAccount]

    init(accounts: [SandboxACLAccount]) {
        self.accounts = Dictionary(accounts.map { ($0.accessKey, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The codes that need an admin account (`Permission.ADMIN_CODE`).
    static let adminCodes: Set<RequestCode> = [
        .updateAndCreateTopic, .updateBrokerConfig, .deleteTopicInBroker, .updateAndCreateSubscriptionGroup,
        .deleteSubscriptionGroup,
    ]

    /// `nil` when the request may go on, else the remark of the SYSTEM_ERROR the broker answers with.
    func check(_ request: RemotingCommand) -> String? {
        guard let accessKey = request.ext("AccessKey") else {
            return Self.remark("No accessKey is configured", line: 664)
        }
        guard let account = self.accounts[accessKey] else {
            return Self.remark("No acl config for \(accessKey)", line: 670)
        }
        guard request.ext("Signature") == Self.signature(for: request, secretKey: account.secretKey) else {
            return Self.remark("Check signature failed for accessKey=\(accessKey)", line: 684)
        }
        if Self.adminCodes.contains(request.requestCode), !account.admin {
            return Self.remark(
                "Need admin permission for request code=\(request.code), but accessKey=\(accessKey) is not", line: 692)
        }
        return nil
    }

    /// The signature a client computes (`AclClientRPCHook`).
    static func signature(for request: RemotingCommand, secretKey: String) -> String {
        let body = request.body.map { Array($0.readableBytesView) } ?? []
        let content = (request.extFields ?? RemotingExtFields()).aclSignedContent(body: body)
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: content, using: SymmetricKey(data: Array(secretKey.utf8)))
        return Data(code).base64EncodedString()
    }

    /// How the broker's remoting layer turns an `AclException` into a remark (`RemotingHelper.exceptionSimpleDesc`).
    static func remark(_ message: String, line: Int) -> String {
        "org.apache.rocketmq.acl.common.AclException: \(message), "
            + "org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:\(line))"
    }
}
