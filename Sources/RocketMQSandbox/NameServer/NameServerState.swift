import RocketMQRemoting

/// The NameServer's route tables (`RouteInfoManager.java`) and KV store (`KVConfigManager.java`), as a plain value.
///
/// ``SandboxNameServer`` keeps one in a ``SerialState``; every request goes through ``handle(_:now:)`` (in
/// `NameServerState+Requests.swift`), so the whole NameServer is testable without sockets. Times are epoch
/// milliseconds passed in by the caller.
struct NameServerState: Sendable {
    /// One topic's queues on one broker (`QueueData`).
    struct QueueData: Sendable, Hashable {
        var readQueueNums: Int32
        var writeQueueNums: Int32
        var perm: Int32
        var topicSysFlag: Int32
    }

    /// A broker name's addresses (`BrokerData`).
    struct BrokerData: Sendable, Hashable {
        var cluster: String
        var brokerAddrs: [Int64: String]
    }

    /// When a broker address last registered, and with which topic-table version (`BrokerLiveInfo`).
    struct BrokerLive: Sendable, Hashable {
        var lastUpdateTimestamp: Int64
        var dataVersion: DataVersion
        var haServerAddr: String
        /// The connection the registration came on (`BrokerLiveInfo.channel`); its closing drops the broker.
        var connectionID: Int?
    }

    /// The NameServer's KV namespace for ordered-topic configuration.
    static let orderTopicConfigNamespace = "ORDER_TOPIC_CONFIG"

    /// topic → brokerName → queues.
    var topicQueueTable: [String: [String: QueueData]] = [:]
    /// brokerName → addresses.
    var brokerAddrTable: [String: BrokerData] = [:]
    /// cluster → brokerNames.
    var clusterAddrTable: [String: Set<String>] = [:]
    /// brokerAddr → liveness.
    var brokerLiveTable: [String: BrokerLive] = [:]
    /// namespace → key → value.
    var kvTable: [String: [String: String]] = [:]
    /// `orderMessageEnable`: whether routes carry `orderTopicConf` from the KV store. Java default false.
    var orderMessageEnable: Bool
    /// The most KV entries kept over all namespaces (``SandboxLimits/maxKVEntries``).
    var maxKVEntries = SandboxLimits().maxKVEntries
    /// The most topics routed (``SandboxLimits/maxNameServerTopics``).
    var maxTopics = SandboxLimits().maxNameServerTopics
    /// The most broker names known (``SandboxLimits/maxNameServerBrokers``).
    var maxBrokerNames = SandboxLimits().maxNameServerBrokers

    init(orderMessageEnable: Bool = false) {
        self.orderMessageEnable = orderMessageEnable
    }

    /// Why a registration must be refused before any of it is applied: it would add broker names or topics
    /// past ``maxBrokerNames`` or ``maxTopics`` (a real NameServer keeps whatever it is sent; the sandbox runs
    /// both clusters in one process). Nil when it fits.
    func registrationRefusal(brokerName: String, topicConfigs: TopicConfigSerializeWrapper?) -> String? {
        if self.brokerAddrTable[brokerName] == nil, self.brokerAddrTable.count >= self.maxBrokerNames {
            return "the sandbox name server keeps at most \(self.maxBrokerNames) broker names"
        }
        let newTopics = (topicConfigs?.topicConfigTable.values ?? []).lazy.filter { self.topicQueueTable[$0.topicName] == nil }.count
        if newTopics > 0, self.topicQueueTable.count + newTopics > self.maxTopics {
            return "the sandbox name server routes at most \(self.maxTopics) topics"
        }
        return nil
    }

    /// Records a broker registration (`RouteInfoManager.registerBroker`); rebuilds the broker's queue data
    /// when it is new or its topic-table version changed. Returns the ORDER_TOPIC_CONFIG table, `nil` when
    /// the namespace does not exist. The caller checks ``registrationRefusal(brokerName:topicConfigs:)`` first.
    mutating func registerBroker(
        clusterName: String, brokerAddr: String, brokerName: String, brokerId: Int64, haServerAddr: String,
        topicConfigs: TopicConfigSerializeWrapper?, now: Int64, connectionID: Int? = nil
    ) -> [String: String]? {
        self.clusterAddrTable[clusterName, default: []].insert(brokerName)
        var brokerData = self.brokerAddrTable[brokerName] ?? BrokerData(cluster: clusterName, brokerAddrs: [:])
        let firstRegistration = brokerData.brokerAddrs.isEmpty
        // A broker address moving to another id replaces the old entry (master/slave switch).
        brokerData.brokerAddrs = brokerData.brokerAddrs.filter { $0.value != brokerAddr || $0.key == brokerId }
        brokerData.brokerAddrs[brokerId] = brokerAddr
        self.brokerAddrTable[brokerName] = brokerData

        let previous = self.brokerLiveTable[brokerAddr]
        if let topicConfigs, brokerId == 0 {
            if firstRegistration || previous?.dataVersion != topicConfigs.dataVersion {
                for topicConfig in topicConfigs.topicConfigTable.values {
                    self.topicQueueTable[topicConfig.topicName, default: [:]][brokerName] = QueueData(
                        readQueueNums: topicConfig.readQueueNums, writeQueueNums: topicConfig.writeQueueNums,
                        perm: topicConfig.perm.rawValue, topicSysFlag: topicConfig.topicSysFlag)
                }
            }
        }
        self.brokerLiveTable[brokerAddr] = BrokerLive(
            lastUpdateTimestamp: now, dataVersion: topicConfigs?.dataVersion ?? DataVersion(),
            haServerAddr: haServerAddr, connectionID: connectionID)
        return self.kvTable[Self.orderTopicConfigNamespace]
    }

    /// Removes one broker address (`RouteInfoManager.unregisterBroker`, also used on expiry).
    mutating func unregisterBroker(clusterName: String, brokerAddr: String, brokerName: String, brokerId: Int64) {
        self.brokerLiveTable[brokerAddr] = nil
        guard var brokerData = self.brokerAddrTable[brokerName] else { return }
        brokerData.brokerAddrs[brokerId] = nil
        if !brokerData.brokerAddrs.isEmpty {
            self.brokerAddrTable[brokerName] = brokerData
            return
        }
        self.brokerAddrTable[brokerName] = nil
        self.clusterAddrTable[clusterName]?.remove(brokerName)
        if self.clusterAddrTable[clusterName]?.isEmpty == true { self.clusterAddrTable[clusterName] = nil }
        for topic in self.topicQueueTable.keys {
            self.topicQueueTable[topic]?[brokerName] = nil
            if self.topicQueueTable[topic]?.isEmpty == true { self.topicQueueTable[topic] = nil }
        }
    }

    /// Drops every broker address silent for longer than `timeout` ms (`scanNotActiveBroker`); returns them.
    mutating func expireBrokers(now: Int64, timeout: Int64) -> [String] {
        let expired = self.brokerLiveTable.filter { now - $0.value.lastUpdateTimestamp > timeout }.keys.sorted()
        self.removeBrokers(expired)
        return expired
    }

    /// Drops at once every broker address that registered on a connection that closed
    /// (`BrokerHousekeepingService.onChannelClose` → `onChannelDestroy`); returns them.
    mutating func connectionClosed(id: Int) -> [String] {
        let closed = self.brokerLiveTable.filter { $0.value.connectionID == id }.keys.sorted()
        self.removeBrokers(closed)
        return closed
    }

    private mutating func removeBrokers(_ addresses: [String]) {
        for brokerAddr in addresses {
            guard let (brokerName, brokerData) = self.brokerAddrTable.first(where: { $0.value.brokerAddrs.values.contains(brokerAddr) }),
                let brokerId = brokerData.brokerAddrs.first(where: { $0.value == brokerAddr })?.key
            else {
                self.brokerLiveTable[brokerAddr] = nil
                continue
            }
            self.unregisterBroker(
                clusterName: brokerData.cluster, brokerAddr: brokerAddr, brokerName: brokerName, brokerId: brokerId)
        }
    }

    /// DELETE_TOPIC_IN_NAMESRV (`RouteInfoManager.deleteTopic`): with a cluster name only that cluster's
    /// brokers drop the topic, and the topic goes when no broker is left; without one it goes everywhere.
    mutating func deleteTopic(_ topic: String, clusterName: String?) {
        guard let clusterName, !clusterName.isEmpty else {
            self.topicQueueTable[topic] = nil
            return
        }
        for brokerName in self.clusterAddrTable[clusterName] ?? [] { self.topicQueueTable[topic]?[brokerName] = nil }
        if self.topicQueueTable[topic]?.isEmpty == true { self.topicQueueTable[topic] = nil }
    }

    /// Sets (`add` true: perm 6 as `addWritePermOfBroker`) or clears the WRITE bit of every topic's queues on
    /// `brokerName` (`operateWritePermOfBroker`); returns how many topics were touched.
    mutating func operateWritePerm(brokerName: String, add: Bool) -> Int {
        var count = 0
        for topic in self.topicQueueTable.keys.sorted() {
            guard var queueData = self.topicQueueTable[topic]?[brokerName] else { continue }
            queueData.perm = add ? PermName([.read, .write]).rawValue : queueData.perm & ~PermName.write.rawValue
            self.topicQueueTable[topic]?[brokerName] = queueData
            count += 1
        }
        return count
    }
}
