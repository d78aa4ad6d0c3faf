/// What GET_BROKER_CLUSTER_ACL_INFO (52) returns: the broker's identity and the versions of its ACL
/// files (`GetBrokerAclConfigResponseHeader`), all from the response header.
public struct RocketMQBrokerAclInfo: Sendable, Hashable {
    /// The broker's name, e.g. `broker-a`.
    public var brokerName: String?
    /// The broker's address, `ip:port`.
    public var brokerAddress: String?
    /// The broker's cluster.
    public var clusterName: String?
    /// The ACL data version, as the broker's JSON text (`{"counter":0,"timestamp":…}`).
    public var version: String?
    /// The version of each ACL file, as the broker's JSON text (4.9.x `allAclFileVersion`).
    public var allAclFileVersion: String?

    /// Reads the fields of a response header.
    public init(fields: [String: String]) {
        self.brokerName = fields["brokerName"]
        self.brokerAddress = fields["brokerAddr"]
        self.clusterName = fields["clusterName"]
        self.version = fields["version"]
        self.allAclFileVersion = fields["allAclFileVersion"]
    }
}
