/// A broker's ACL file versions: the GET_BROKER_CLUSTER_ACL_INFO (52) answer
/// (`common/…/protocol/body/ClusterAclVersionInfo.java`, 4.9.x).
///
/// The answer has no body: everything is in the response header's ext fields (`brokerName`, `brokerAddr`,
/// `clusterName`, and `version` and `allAclFileVersion` as JSON text).
public struct ClusterAclVersionInfo: Sendable, Hashable {
    /// The broker group.
    public var brokerName: String
    /// The broker's address.
    public var brokerAddr: String
    /// The broker's cluster.
    public var clusterName: String
    /// The version of the (first) ACL file, from the `version` field; `nil` when absent.
    public var aclConfigDataVersion: DataVersion?
    /// ACL file path → its version, from `allAclFileVersion`.
    public var allAclConfigDataVersion: OrderedMap<String, DataVersion>

    /// Makes an ACL version info.
    public init(
        brokerName: String,
        brokerAddr: String,
        clusterName: String,
        aclConfigDataVersion: DataVersion? = nil,
        allAclConfigDataVersion: OrderedMap<String, DataVersion> = [:]
    ) {
        self.brokerName = brokerName
        self.brokerAddr = brokerAddr
        self.clusterName = clusterName
        self.aclConfigDataVersion = aclConfigDataVersion
        self.allAclConfigDataVersion = allAclConfigDataVersion
    }

    /// Reads the response header's ext fields.
    /// - Throws: ``RemotingError`` `missingField` for an absent name or address, or a JSON error in a version.
    public init(extFields: RemotingExtFields) throws(RemotingError) {
        func require(_ key: String) throws(RemotingError) -> String {
            guard let value = extFields[key] else {
                throw RemotingError(.missingField, "ClusterAclVersionInfo: missing ext field \"\(key)\"")
            }
            return value
        }
        self.brokerName = try require("brokerName")
        self.brokerAddr = try require("brokerAddr")
        self.clusterName = try require("clusterName")
        self.aclConfigDataVersion = try extFields["version"].map { text throws(RemotingError) in
            try DataVersion(json: RemotingJSON(parsing: text))
        }
        self.allAclConfigDataVersion = try extFields["allAclFileVersion"].map { text throws(RemotingError) in
            try BodyReader.map(RemotingJSON(parsing: text), key: BodyKey.string) { v throws(RemotingError) in
                try DataVersion(json: v)
            }
        } ?? [:]
    }

    /// The ext fields a 4.9.x broker sends, versions as fastjson text.
    public var extFields: RemotingExtFields {
        var fields = RemotingExtFields()
        fields["allAclFileVersion"] = BodyWriter.map(allAclConfigDataVersion) { $0.json }.text(dialect: .fastjson)
        fields["clusterName"] = clusterName
        fields["brokerAddr"] = brokerAddr
        fields["brokerName"] = brokerName
        fields["version"] = aclConfigDataVersion?.json.text(dialect: .fastjson)
        return fields
    }
}
