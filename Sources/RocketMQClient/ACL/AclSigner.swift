internal import Crypto
internal import Foundation
internal import RocketMQRemoting

/// Signs requests the way RocketMQ's `AclClientRPCHook.doBeforeRequest` does:
///
/// 1. put `AccessKey` (and `SecurityToken` when there is one) into the ext fields;
/// 2. concatenate the **values** of all ext fields except `Signature`, in the key order of a Java
///    `TreeMap<String, String>` (UTF-16 code-unit order), encoded as UTF-8, then append the body;
/// 3. `Signature` = Base64(HmacSHA1(secretKey, those bytes)).
struct AclSigner: Sendable {
    static let accessKeyField = "AccessKey"
    static let securityTokenField = "SecurityToken"
    static let signatureField = RemotingExtFields.aclSignatureField

    var credentials: AclCredentials

    /// Adds `AccessKey`, `SecurityToken` and `Signature` to `extFields`.
    func sign(extFields: inout [String: String], body: [UInt8]) {
        extFields[Self.accessKeyField] = self.credentials.accessKey
        if let token = self.credentials.securityToken {
            extFields[Self.securityTokenField] = token
        }
        extFields[Self.signatureField] = Self.signature(extFields: extFields, body: body, secretKey: self.credentials.secretKey)
    }

    /// The Base64 HmacSHA1 signature of `extFields` (without `Signature`) followed by `body`.
    static func signature(extFields: [String: String], body: [UInt8], secretKey: String) -> String {
        let content = RemotingExtFields(extFields).aclSignedContent(body: body)
        let key = SymmetricKey(data: Array(secretKey.utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: content, using: key)
        return Data(mac).base64EncodedString()
    }
}
