/// One ACL 1.0 account (`common/…/PlainAccessConfig.java` in 4.x; `auth/…/migration/v1/` in 5.3), the body of
/// UPDATE_AND_CREATE_ACL_CONFIG (50) and an entry of ``AclConfig``.
///
/// Permissions are strings: `DENY`, `PUB`, `SUB` or `PUB|SUB`; topic and group entries read `name=PERM`.
public struct PlainAccessConfig: RemotingJSONBody, Hashable {
    /// The access key (account name).
    public var accessKey: String?
    /// The secret key, used to sign requests.
    public var secretKey: String?
    /// Addresses allowed without signature check (e.g. `192.168.0.*`).
    public var whiteRemoteAddress: String?
    /// Whether the account is an administrator. Default false.
    public var admin: Bool
    /// Permission on topics not listed, e.g. `DENY`.
    public var defaultTopicPerm: String?
    /// Permission on groups not listed, e.g. `SUB`.
    public var defaultGroupPerm: String?
    /// Per-topic permissions, `topic=PERM`; `nil` when absent.
    public var topicPerms: [String]?
    /// Per-group permissions, `group=PERM`; `nil` when absent.
    public var groupPerms: [String]?

    /// Makes an account.
    public init(
        accessKey: String? = nil,
        secretKey: String? = nil,
        whiteRemoteAddress: String? = nil,
        admin: Bool = false,
        defaultTopicPerm: String? = nil,
        defaultGroupPerm: String? = nil,
        topicPerms: [String]? = nil,
        groupPerms: [String]? = nil
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

    /// Reads a PlainAccessConfig object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "PlainAccessConfig")
        self.accessKey = try reader.string("accessKey")
        self.secretKey = try reader.string("secretKey")
        self.whiteRemoteAddress = try reader.string("whiteRemoteAddress")
        self.admin = try reader.bool("admin") ?? false
        self.defaultTopicPerm = try reader.string("defaultTopicPerm")
        self.defaultGroupPerm = try reader.string("defaultGroupPerm")
        self.topicPerms = try reader.strings("topicPerms")
        self.groupPerms = try reader.strings("groupPerms")
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("accessKey", accessKey.map { .string($0) })
        writer.set("admin", .bool(admin))
        writer.set("defaultGroupPerm", defaultGroupPerm.map { .string($0) })
        writer.set("defaultTopicPerm", defaultTopicPerm.map { .string($0) })
        writer.set("groupPerms", groupPerms.map(BodyWriter.strings))
        writer.set("secretKey", secretKey.map { .string($0) })
        writer.set("topicPerms", topicPerms.map(BodyWriter.strings))
        writer.set("whiteRemoteAddress", whiteRemoteAddress.map { .string($0) })
        return writer.json
    }
}

/// All ACL 1.0 accounts and global white addresses (`common/…/AclConfig.java`), the body of
/// GET_BROKER_CLUSTER_ACL_CONFIG (54, 4.6.0+; the captured 4.9.8 broker does not answer it).
public struct AclConfig: RemotingJSONBody, Hashable {
    /// Addresses allowed for every account without signature check; `nil` when absent.
    public var globalWhiteAddrs: [String]?
    /// The accounts; `nil` when absent.
    public var plainAccessConfigs: [PlainAccessConfig]?

    /// Makes an ACL config.
    public init(globalWhiteAddrs: [String]? = nil, plainAccessConfigs: [PlainAccessConfig]? = nil) {
        self.globalWhiteAddrs = globalWhiteAddrs
        self.plainAccessConfigs = plainAccessConfigs
    }

    /// Reads an AclConfig object.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "AclConfig")
        self.globalWhiteAddrs = try reader.strings("globalWhiteAddrs")
        self.plainAccessConfigs = try reader.array("plainAccessConfigs", of: PlainAccessConfig.self)
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("globalWhiteAddrs", globalWhiteAddrs.map(BodyWriter.strings))
        writer.set("plainAccessConfigs", plainAccessConfigs.map { .array($0.map(\.json)) })
        return writer.json
    }
}
