public import RocketMQRemoting

extension RocketMQAdmin {
    /// GET_BROKER_CLUSTER_ACL_INFO (52): the broker's identity and ACL file versions, which a 4.9.x broker
    /// sends in the response header (there is no body).
    public func clusterAclInfo(broker: String) async throws -> ClusterAclVersionInfo {
        let response = try await self.invokeBroker(.request(code: .getBrokerClusterACLInfo), address: broker)
        do {
            return try ClusterAclVersionInfo(extFields: response.extFields ?? RemotingExtFields())
        } catch {
            throw RocketMQClientError(
                .malformedResponse,
                "cannot read the ACL info header",
                requestCode: RequestCode.getBrokerClusterACLInfo.rawValue,
                address: broker,
                underlying: error
            )
        }
    }

    /// GET_BROKER_CLUSTER_ACL_CONFIG (54, 4.6.0 to 4.9.x only in some builds; a 4.9.8 broker answers
    /// REQUEST_CODE_NOT_SUPPORTED): the global white list and every account.
    public func aclConfig(broker: String) async throws -> AclConfig {
        let response = try await self.invokeBroker(.request(code: .getBrokerClusterACLConfig), address: broker)
        return try response.decodeBody(AclConfig.self, request: .getBrokerClusterACLConfig, address: broker)
    }

    /// UPDATE_AND_CREATE_ACL_CONFIG (50): creates or updates an account on `broker`. The header carries
    /// the account's fields as strings, topic and group perms joined with commas, as `MQClientAPIImpl` does.
    /// Empty perm lists are left out: a 4.9.8 broker splits an empty `topicPerms` into one empty resource
    /// and refuses the account ("Parse Resource format error for .").
    public func createOrUpdateAclAccount(_ account: PlainAccessConfig, broker: String) async throws {
        guard let accessKey = account.accessKey, let secretKey = account.secretKey else {
            throw RocketMQClientError(.invalidArgument, "an ACL account needs an access key and a secret key")
        }
        var ext: RemotingExtFields = ["accessKey": accessKey, "secretKey": secretKey, "admin": "\(account.admin)"]
        if let white = account.whiteRemoteAddress { ext["whiteRemoteAddress"] = white }
        if let topicPerm = account.defaultTopicPerm { ext["defaultTopicPerm"] = topicPerm }
        if let groupPerm = account.defaultGroupPerm { ext["defaultGroupPerm"] = groupPerm }
        if let topicPerms = account.topicPerms, !topicPerms.isEmpty { ext["topicPerms"] = topicPerms.joined(separator: ",") }
        if let groupPerms = account.groupPerms, !groupPerms.isEmpty { ext["groupPerms"] = groupPerms.joined(separator: ",") }
        _ = try await self.invokeBroker(.request(code: .updateAndCreateACLConfig, ext: ext), address: broker)
    }
}
