/// ACL 1.0 credentials, as RocketMQ's `AclClientRPCHook` takes them.
///
/// ``description`` never shows the secret key or the security token, so logging a value is safe.
public struct AclCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The account's access key, sent in the `AccessKey` ext field.
    public var accessKey: String
    /// The account's secret key; used only to compute the HMAC, never sent.
    public var secretKey: String
    /// An optional STS token, sent in the `SecurityToken` ext field when present.
    public var securityToken: String?

    /// Creates credentials.
    public init(accessKey: String, secretKey: String, securityToken: String? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.securityToken = securityToken
    }

    /// `AclCredentials(accessKey: …)`, without the secrets.
    public var description: String { "AclCredentials(accessKey: \(self.accessKey))" }
}
