import RocketMQRemoting

extension BrokerState {
    /// Takes the ordered-topic flags from a REGISTER_BROKER answer, as `BrokerController.doRegisterBrokerAll`
    /// → `TopicConfigManager.updateOrderTopicConfig` does: the answer's body is the NameServer's
    /// ORDER_TOPIC_CONFIG namespace (none when the namespace does not exist, which changes nothing); every
    /// topic listed becomes ordered, every other one unordered. A change bumps the topic-table version, so the
    /// next full registration rewrites every queue entry on the NameServer.
    mutating func registered(_ response: RemotingCommand, now: Int64) {
        guard response.responseCode == .success, let json = response.jsonBody, let kvTable = try? KVTable(json: json)
        else { return }
        let ordered = Set(kvTable.table.keys)
        var changed = false
        for (name, config) in self.topics where config.order != ordered.contains(name) {
            self.topics[name]?.order = ordered.contains(name)
            changed = true
        }
        if changed { self.topicsChanged(now: now) }
    }
}
