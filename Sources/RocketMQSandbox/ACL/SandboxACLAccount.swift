/// One ACL 1.0 account, as a `plain_acl.yml` `accounts` entry (`PlainAccessConfig`).
public struct SandboxACLAccount: Sendable, Hashable {
    /// `accessKey`.
    public var accessKey: String
    /// `secretKey`: the HMAC-SHA1 key requests are signed with.
    public var secretKey: String
    /// `admin`: may call admin codes (topic/group/broker-config changes).
    public var admin: Bool
    /// `whiteRemoteAddress`, `""` when none.
    public var whiteRemoteAddress: String
    /// `defaultTopicPerm`, e.g. `"DENY"`, `"PUB|SUB"`.
    public var defaultTopicPerm: String
    /// `defaultGroupPerm`.
    public var defaultGroupPerm: String
    /// `topicPerms`, e.g. `["topicA=DENY"]`.
    public var topicPerms: [String]
    /// `groupPerms`.
    public var groupPerms: [String]

    /// Creates an account; the defaults are those of `plain_acl.yml`'s examples (`DENY` topics, `SUB` groups).
    public init(
        accessKey: String, secretKey: String, admin: Bool = false, whiteRemoteAddress: String = "",
        defaultTopicPerm: String = "DENY", defaultGroupPerm: String = "SUB", topicPerms: [String] = [],
        groupPerms: [String] = []
    ) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.admin = admin
        self.whiteRemoteAddress = whiteRemoteAddress
        self.defaultTopicPerm = defaultTopicPerm
        self.defaultGroupPerm = defaultGroupPerm
        self.topicPerms = topicPerms
        self.groupPerms = groupPerms
    }
}
