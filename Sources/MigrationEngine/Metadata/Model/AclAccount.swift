/// An ACL 1.0 account (`PlainAccessConfig`, or an entry of `plain_acl.yml`'s `accounts`).
///
/// The secret key is kept because an import must recreate the account; ``description`` masks it, and
/// nothing in Ferry prints or logs it.
///
/// RocketMQRemoting's `PlainAccessConfig` is the same account as a wire body, where every key may be absent
/// (Java's nulls) and empty permission lists are left out. Here an account always has its access key (an
/// entry without one is not an account) and a secret key (empty when the source gave none), and carries the
/// target broker's rules (``brokerRefusal``). The conversion is in MetadataMigration's `MetadataTypes+RocketMQ.swift`.
public struct AclAccount: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The access key (account name).
    public var accessKey: String
    /// The secret key. Never printed.
    public var secretKey: String
    /// The remote-address pattern the account is allowed from, if any.
    public var whiteRemoteAddress: String?
    /// Whether the account is an administrator.
    public var admin: Bool
    /// Default permission on topics (`DENY`, `PUB`, `SUB`, `PUB|SUB`).
    public var defaultTopicPerm: String?
    /// Default permission on groups.
    public var defaultGroupPerm: String?
    /// Per-topic permissions, `topic=PERM`.
    public var topicPerms: [String]
    /// Per-group permissions, `group=PERM`.
    public var groupPerms: [String]

    /// Creates an account.
    public init(
        accessKey: String, secretKey: String, whiteRemoteAddress: String? = nil, admin: Bool = false,
        defaultTopicPerm: String? = nil, defaultGroupPerm: String? = nil,
        topicPerms: [String] = [], groupPerms: [String] = []
    ) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.whiteRemoteAddress = whiteRemoteAddress
        self.admin = admin
        self.defaultTopicPerm = defaultTopicPerm
        self.defaultGroupPerm = defaultGroupPerm
        self.topicPerms = topicPerms
        self.groupPerms = groupPerms
    }

    /// The account with its secret masked.
    public var description: String {
        "AclAccount(accessKey: \(self.accessKey), secretKey: \(Self.secretMask), admin: \(self.admin))"
    }

    /// What stands for a secret wherever one would be shown: no character of it, nor its length.
    public static let secretMask = "******"
}
