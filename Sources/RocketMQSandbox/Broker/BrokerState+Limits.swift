import RocketMQRemoting
import RocketMQServer

extension BrokerState {
    /// The bounds on client-keyed tables (``SandboxLimits``).
    var limits: SandboxLimits { self.configuration.limits }

    /// Auto-creates `group` (as a pull or heartbeat from an unknown group does) unless that would pass
    /// ``SandboxLimits/maxGroups``; returns false, creating nothing, when it would.
    mutating func autoCreateGroup(_ group: String, now: Int64) -> Bool {
        guard self.groups[group] == nil else { return true }
        guard self.groups.count < self.limits.maxGroups else { return false }
        self.groups[group] = SubscriptionGroupConfig(groupName: group)
        self.groupsChanged(now: now)
        return true
    }

    /// The remark of a subscription-group refusal (`SUBSCRIPTION_GROUP_NOT_EXIST`).
    static func groupNotExistRemark(_ group: String) -> String {
        "subscription group [\(group)] does not exist, \(NameServerState.faqSuffix)"
    }

    /// Stores a consumer offset unless its `topic@group` key is new and ``SandboxLimits/maxConsumerOffsetKeys``
    /// keys exist, or the queue id is outside what a topic can have; returns whether it was stored.
    @discardableResult
    mutating func storeConsumerOffset(_ offset: Int64, key: String, queueId: Int32) -> Bool {
        guard queueId >= 0, queueId < CreateTopicRequestHeader.maxQueueNums else { return false }
        guard self.consumerOffsets[key] != nil || self.consumerOffsets.count < self.limits.maxConsumerOffsetKeys else {
            return false
        }
        self.consumerOffsets[key, default: [:]][queueId] = offset
        return true
    }

    /// Why a heartbeat must be refused before any of it is applied: it would auto-create groups past
    /// ``SandboxLimits/maxGroups`` or register clients past ``SandboxLimits/maxClients``; nil when it fits.
    func heartbeatRefusal(_ heartbeat: RemotingJSON, clientId: String) -> (code: ResponseCode, remark: String)? {
        func names(_ key: String) -> Set<String> {
            Set((heartbeat[key].flatMap { try? $0.array() } ?? []).map { $0["groupName"].flatMap { try? $0.string() } ?? "" })
        }
        let consumerGroups = names("consumerDataSet")
        let producerGroups = names("producerDataSet")
        let newGroups = consumerGroups.filter { self.groups[$0] == nil }
        if !newGroups.isEmpty, self.groups.count + newGroups.count > self.limits.maxGroups {
            return (.subscriptionGroupNotExist, Self.groupNotExistRemark(newGroups.sorted()[0]))
        }
        let newClients =
            consumerGroups.filter { self.clients.consumers[$0]?.channels[clientId] == nil }.count
            + producerGroups.filter { self.clients.producers[$0]?[clientId] == nil }.count
        if newClients > 0, self.clients.clientCount + newClients > self.limits.maxClients {
            return (.systemBusy, RemotingServer.overloadRemark)
        }
        return nil
    }
}
