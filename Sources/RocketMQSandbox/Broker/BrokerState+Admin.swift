import NIOCore
import RocketMQRemoting

extension BrokerState {
    /// Topic, group and broker-config administration (`AdminBrokerProcessor`); unknown codes answer
    /// REQUEST_CODE_NOT_SUPPORTED.
    mutating func handleAdmin(_ request: RemotingCommand, now: Int64, configBody: ConfigBody? = nil) -> BrokerOutcome {
        switch request.requestCode {
        case .updateAndCreateTopic:
            return self.handleCreateTopic(request, now: now)
        case .getAllTopicConfig:
            let wrapper = TopicConfigSerializeWrapper(
                topicConfigTable: OrderedMap(self.topics.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                dataVersion: self.topicsVersion)
            return BrokerOutcome(request, .reply(request, ext: [:], body: wrapper.json.body()))
        case .deleteTopicInBroker:
            let topic = request.ext("topic") ?? ""
            if self.topics.removeValue(forKey: topic) != nil { self.topicsChanged(now: now) }
            // 4.9.8 cleans the topic's queues but keeps the groups' offsets (`deleteTopic`).
            self.store.deleteTopic(topic)
            return BrokerOutcome(request, .reply(request))
        case .updateAndCreateSubscriptionGroup:
            guard let json = request.jsonBody, let config = try? SubscriptionGroupConfig(json: json) else {
                return BrokerOutcome(request, .reply(request, .systemError, remark: "subscription group config body is not valid"))
            }
            self.groups[config.groupName] = config
            self.groupsChanged(now: now)
            return BrokerOutcome(request, .reply(request))
        case .getAllSubscriptionGroupConfig:
            let wrapper = SubscriptionGroupWrapper(
                subscriptionGroupTable: OrderedMap(self.groups.keys.sorted().map { ($0, self.groups[$0]!) }),
                dataVersion: self.groupsVersion)
            return BrokerOutcome(request, .reply(request, body: wrapper.json.body()))
        case .deleteSubscriptionGroup:
            let group = request.ext("groupName") ?? ""
            if self.groups.removeValue(forKey: group) != nil { self.groupsChanged(now: now) }
            if request.ext("removeOffset") == "true" {
                for key in self.consumerOffsets.keys where key.hasSuffix("@\(group)") { self.consumerOffsets[key] = nil }
            }
            return BrokerOutcome(request, .reply(request))
        case .getSystemTopicListFromBroker:
            return BrokerOutcome(
                request, .reply(request, body: NameServerState.topicListJSON(self.configuration.systemTopics).body()))
        case .getBrokerConfig:
            let properties = self.configuration.properties(brokerPermission: self.brokerPermission)
            return BrokerOutcome(
                request,
                .reply(
                    request, ext: ["version": self.configVersion.json.text(dialect: .fastjson)],
                    body: ByteBuffer(string: properties.text)))
        case .updateBrokerConfig:
            return self.handleUpdateBrokerConfig(request, properties: configBody ?? Self.readConfigBody(request), now: now)
        default:
            return BrokerOutcome(request, Self.notSupported(request))
        }
    }

    /// UPDATE_AND_CREATE_TOPIC: a header that does not decode (a required field missing, a number that does not
    /// parse, a queue count out of range) is answered SYSTEM_ERROR with the reason, as the broker answers the
    /// `RemotingCommandException` of `decodeCommandCustomHeader`.
    private mutating func handleCreateTopic(_ request: RemotingCommand, now: Int64) -> BrokerOutcome {
        func fail(_ remark: String) -> BrokerOutcome { BrokerOutcome(request, .reply(request, .systemError, remark: remark)) }
        let header: CreateTopicRequestHeader
        do {
            header = try CreateTopicRequestHeader(ext: request.extFields ?? [:])
        } catch {
            return fail(error.reason)
        }
        let topic = header.topic
        if topic == self.configuration.clusterName {
            return fail("the topic[\(topic)] is conflict with system reserved words.")
        }
        if topic.isEmpty { return fail("The specified topic is blank.") }
        if !topic.utf8.allSatisfy(Self.isTopicCharacter) {
            return fail("The specified topic[\(topic)] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$")
        }
        if topic.utf8.count > 127 { return fail("The specified topic is longer than topic max length.") }
        if self.configuration.systemTopics.contains(topic) { return fail("The topic[\(topic)] is conflict with system topic.") }
        let config = TopicConfig(
            topicName: topic, readQueueNums: header.readQueueNums, writeQueueNums: header.writeQueueNums,
            perm: PermName(rawValue: header.perm),
            topicFilterType: TopicFilterType(rawValue: header.topicFilterType) ?? .singleTag,
            topicSysFlag: header.topicSysFlag ?? 0,
            // 4.9.8 never takes `order` from the request: it comes from the NameServer (see `registered`).
            order: false)
        if self.topics[topic] == nil, self.topics.count >= self.limits.maxTopics {
            return fail("the sandbox broker keeps at most \(self.limits.maxTopics) topics")
        }
        self.topics[topic] = config
        self.topicsChanged(now: now)
        var outcome = BrokerOutcome(request, .reply(request, remark: "not set any response code"))
        outcome.registration = .topic(topic)
        return outcome
    }

    private static func isTopicCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "%"), UInt8(ascii: "|"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// UPDATE_BROKER_CONFIG's body as read by `MixAll.string2Properties`, or nil when it does not read.
    typealias ConfigBody = BrokerProperties?

    /// Reads UPDATE_BROKER_CONFIG's body (linear in its size, which the frame cap bounds).
    static func readConfigBody(_ request: RemotingCommand) -> ConfigBody {
        try? BrokerProperties(text: request.textBody)
    }

    private mutating func handleUpdateBrokerConfig(
        _ request: RemotingCommand, properties: ConfigBody, now: Int64
    ) -> BrokerOutcome {
        guard let properties else {
            return BrokerOutcome(request, .reply(request, .systemError, remark: "string2Properties error"))
        }
        self.configVersion.counter += 1
        self.configVersion.timestamp = now
        var outcome = BrokerOutcome(request, .reply(request))
        if let value = properties["brokerPermission"].flatMap({ Int32($0) }) {
            self.brokerPermission = PermName(rawValue: value)
            self.topicsChanged(now: now)
            outcome.registration = .all
        }
        return outcome
    }

    /// GET_BROKER_CLUSTER_ACL_INFO (52) and UPDATE_AND_CREATE_ACL_CONFIG (50).
    mutating func handleACL(_ request: RemotingCommand) -> RemotingCommand {
        guard var acl = self.acl else {
            return .reply(request, .systemError, remark: "The broker does not enable acl")
        }
        if request.requestCode == .getBrokerClusterACLInfo {
            let version = DataVersion(timestamp: self.bootTimestamp, counter: 0).json.text(dialect: .fastjson)
            return .reply(
                request,
                ext: [
                    "allAclFileVersion": "{\"/opt/rocketmq/conf/plain_acl.yml\":\(version)}",
                    "clusterName": self.configuration.clusterName, "brokerAddr": self.configuration.brokerAddr,
                    "brokerName": self.configuration.brokerName, "version": version,
                ])
        }
        guard let accessKey = request.ext("accessKey") else {
            return .reply(request, .systemError, remark: "the accessKey field is required")
        }
        let secretKey = request.ext("secretKey")
        let topicPerms = AccountUpdateCheck.split(request.ext("topicPerms"))
        let groupPerms = AccountUpdateCheck.split(request.ext("groupPerms"))
        if let remark = AccountUpdateCheck.refusal(
            accessKey: accessKey, secretKey: secretKey, topicPerms: topicPerms, groupPerms: groupPerms)
        {
            return .reply(request, .updateAndCreateAclConfigFailed, remark: remark)
        }
        if acl.accounts[accessKey] == nil, acl.accounts.count >= self.limits.maxACLAccounts {
            return .reply(
                request, .updateAndCreateAclConfigFailed,
                remark: "the sandbox broker keeps at most \(self.limits.maxACLAccounts) ACL accounts")
        }
        acl.accounts[accessKey] = SandboxACLAccount(
            accessKey: accessKey, secretKey: secretKey ?? "", admin: request.ext("admin") == "true",
            whiteRemoteAddress: request.ext("whiteRemoteAddress") ?? "",
            defaultTopicPerm: request.ext("defaultTopicPerm") ?? "DENY",
            defaultGroupPerm: request.ext("defaultGroupPerm") ?? "SUB", topicPerms: topicPerms ?? [],
            groupPerms: groupPerms ?? [])
        self.acl = acl
        return .reply(request)
    }
}
