internal import RocketMQRemoting

/// Builds the tables of `ferry inspect` from a cluster's NameServer and brokers, the way mqadmin's
/// clusterList, topicList, consumerProgress and consumerConnection look.
public struct RocketMQInspector: Sendable {
    /// The admin client used for every query.
    public let admin: RocketMQAdmin

    /// Creates an inspector over `admin`.
    public init(admin: RocketMQAdmin) {
        self.admin = admin
    }

    /// Every broker of every cluster (GET_BROKER_CLUSTER_INFO): cluster, broker, broker id, address.
    public func cluster() async throws -> InspectTable {
        let info = try await self.admin.clusterInfo()
        var table = InspectTable(
            columns: ["Cluster Name", "Broker Name", "BID", "Addr"],
            fields: [.string("clusterName"), .string("brokerName"), .integer("brokerId"), .string("brokerAddr")])
        for (cluster, brokerNames) in info.clusterAddrTable.sortedByKey() {
            for brokerName in brokerNames.sorted() {
                guard let broker = info.brokerAddrTable[brokerName] else { continue }
                for (id, address) in broker.brokerAddrs.sortedByKey() {
                    table.rows.append([cluster, brokerName, "\(id)", address])
                }
            }
        }
        return table
    }

    /// Every topic the NameServer knows (GET_ALL_TOPIC_LIST_FROM_NAMESERVER), sorted.
    public func topics() async throws -> InspectTable {
        let list = try await self.admin.topicList()
        return InspectTable(columns: ["Topic"], fields: [.string("topic")], rows: list.topicList.sorted().map { [$0] })
    }

    /// Every subscription group on every master (GET_ALL_SUBSCRIPTIONGROUP_CONFIG).
    public func groups() async throws -> InspectTable {
        var table = InspectTable(
            columns: ["Group", "Broker Name", "Consume", "Broadcast", "RetryQueues", "RetryMaxTimes"],
            fields: [
                .string("groupName"), .string("brokerName"), .boolean("consumeEnable"), .boolean("consumeBroadcastEnable"),
                .integer("retryQueueNums"), .integer("retryMaxTimes"),
            ])
        for (brokerName, address) in try await self.masters() {
            let wrapper = try await self.admin.allSubscriptionGroups(broker: address)
            for (name, group) in wrapper.subscriptionGroupTable.sortedByKey() {
                table.rows.append([
                    name, brokerName, "\(group.consumeEnable)", "\(group.consumeBroadcastEnable)",
                    "\(group.retryQueueNums)", "\(group.retryMaxTimes)",
                ])
            }
        }
        table.rows.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
        return table
    }

    /// A topic's route (GET_ROUTEINFO_BY_TOPIC): per broker, its master, queue counts and perm.
    public func route(topic: String) async throws -> InspectTable {
        let route = try await self.admin.topicRoute(topic)
        var table = InspectTable(
            columns: ["Broker Name", "Master Addr", "ReadQueues", "WriteQueues", "Perm"],
            fields: [
                .string("brokerName"), .string("brokerAddr"), .integer("readQueueNums"), .integer("writeQueueNums"),
                .permission("perm"),
            ])
        for queueData in route.queueDatas.sorted(by: { $0.brokerName < $1.brokerName }) {
            table.rows.append([
                queueData.brokerName, route.masterAddress(of: queueData.brokerName) ?? "-",
                "\(queueData.readQueueNums)", "\(queueData.writeQueueNums)", "\(queueData.perm)",
            ])
        }
        if let conf = route.orderTopicConf { table.footer.append("orderTopicConf: \(conf)") }
        return table
    }

    /// mqadmin consumerProgress: per queue the broker offset, the group's offset and the backlog, from
    /// GET_CONSUME_STATS on every broker serving `%RETRY%group`.
    public func progress(group: String) async throws -> InspectTable {
        var table = InspectTable(
            columns: ["Topic", "Broker Name", "QID", "Broker Offset", "Consumer Offset", "Diff"],
            fields: [
                .string("topic"), .string("brokerName"), .integer("queueId"), .integer("brokerOffset"),
                .integer("consumerOffset"), .integer("diff"),
            ])
        var total: Int64 = 0
        var tps = 0.0
        for address in try await self.admin.brokersOfGroup(group) {
            let stats = try await self.admin.consumeStats(group: group, broker: address)
            tps += stats.consumeTps
            for (queue, offsets) in stats.offsetTable {
                total += offsets.diff
                table.rows.append([
                    queue.topic, queue.brokerName, "\(queue.queueId)", "\(offsets.brokerOffset)",
                    "\(offsets.consumerOffset)", "\(offsets.diff)",
                ])
            }
        }
        table.rows.sort { ($0[0], $0[1], Int($0[2]) ?? 0) < ($1[0], $1[1], Int($1[2]) ?? 0) }
        table.footer = ["Consume TPS: \(tps)", "Diff Total: \(total)"]
        return table
    }

    /// mqadmin consumerConnection: the group's clients (GET_CONSUMER_CONNECTION_LIST on a broker serving
    /// `%RETRY%group`) and, below, its subscriptions.
    public func connections(group: String) async throws -> InspectTable {
        guard let address = try await self.admin.brokersOfGroup(group).first else {
            throw RocketMQClientError(.noRoute, "no broker serves %RETRY%\(group)")
        }
        let connection = try await self.admin.consumerConnection(group: group, broker: address)
        var table = InspectTable(
            columns: ["ClientId", "ClientAddr", "Language", "Version"],
            fields: [.string("clientId"), .string("clientAddr"), .string("language"), .integer("version")])
        for client in connection.connectionSet.sorted(by: { $0.clientId < $1.clientId }) {
            table.rows.append([client.clientId, client.clientAddr, client.language.name, "\(client.version)"])
        }
        for (topic, subscription) in connection.subscriptionTable.sortedByKey() {
            table.footer.append("Subscription: \(topic) \(subscription.subString)")
        }
        if let model = connection.messageModel { table.footer.append("MessageModel: \(model)") }
        if let from = connection.consumeFromWhere { table.footer.append("ConsumeFromWhere: \(from)") }
        return table
    }

    private func masters() async throws -> [(String, String)] {
        let info = try await self.admin.clusterInfo()
        return info.brokerAddrTable.sortedByKey().compactMap { name, broker in broker.masterAddress.map { (name, $0) } }
    }
}
