import NIOCore
import RocketMQRemoting

/// Everything a sandbox broker knows, as a plain value (`BrokerController` and its managers without threads or
/// files): topic and group configs, the message store, consumer offsets, delay progress and clients.
///
/// ``SandboxBroker`` keeps one behind a lock and routes every request to ``handle(_:connection:now:)``; the
/// returned ``BrokerOutcome`` says what the network layer must do (answer, push to other connections,
/// re-register with the NameServer, hold a pull). Times are epoch milliseconds passed in by the caller.
struct BrokerState: Sendable {
    /// The connection a request came on.
    struct Connection: Sendable, Hashable {
        var id: Int
        /// `"127.0.0.1:41672"`.
        var remoteAddress: String
    }

    let configuration: BrokerConfiguration
    /// `brokerPermission`; 6 (read and write) unless changed by UPDATE_BROKER_CONFIG.
    var brokerPermission: PermName = [.read, .write]
    var topics: [String: TopicConfig] = [:]
    var topicsVersion: DataVersion
    var groups: [String: SubscriptionGroupConfig] = [:]
    var groupsVersion: DataVersion
    var store: MessageStore
    /// Per-topic and per-group counters (`BrokerStatsManager`).
    var stats: BrokerStats
    /// `"topic@group"` → queueId → offset (`ConsumerOffsetManager.offsetTable`).
    var consumerOffsets: [String: [Int32: Int64]] = [:]
    /// delay level → next SCHEDULE_TOPIC_XXXX offset to deliver (`ScheduleMessageService.offsetTable`).
    var delayOffsets: [Int: Int64] = [:]
    var clients = ClientRegistry()
    /// Orderly consumers' queue locks (LOCK_BATCH_MQ).
    var queueLocks = RebalanceLocks()
    /// The ACL accounts when ACL is on (UPDATE_AND_CREATE_ACL_CONFIG changes them).
    var acl: AccessValidator?
    /// The broker-config version GET_BROKER_CONFIG reports.
    var configVersion: DataVersion
    /// Half messages of transactions not yet ended: commit-log offset → message.
    var halfMessages: [Int64: MessageExt] = [:]
    /// Broker-initiated requests get their own opaque sequence.
    var nextOpaque: Int32 = 0
    let bootTimestamp: Int64

    init(configuration: BrokerConfiguration, now: Int64) {
        self.configuration = configuration
        self.bootTimestamp = now
        self.store = MessageStore(capacity: configuration.storeCapacity, now: now)
        self.stats = BrokerStats(clusterName: configuration.clusterName, now: now)
        self.acl = configuration.acl
        self.topicsVersion = DataVersion(timestamp: now, counter: 0)
        self.groupsVersion = DataVersion(timestamp: now, counter: 0)
        self.configVersion = DataVersion(timestamp: now, counter: 0)
        for topic in configuration.defaultTopics() { self.topics[topic.topicName] = topic }
        for group in BrokerConfiguration.defaultGroups { self.groups[group] = SubscriptionGroupConfig(groupName: group) }
    }

    /// The store host written into every stored message.
    var storeHost: MessageHost { MessageHost(ipv4: self.configuration.brokerAddr) ?? MessageHost(address: [127, 0, 0, 1], port: 0) }

    /// Answers one request as a 4.9.8 broker does.
    mutating func handle(_ request: RemotingCommand, connection: Connection, now: Int64) -> BrokerOutcome {
        if let acl = self.acl, let remark = acl.check(request) {
            return BrokerOutcome(request, .reply(request, .systemError, remark: remark))
        }
        switch request.requestCode {
        case .sendMessage, .sendMessageV2:
            return self.handleSend(request, connection: connection, now: now)
        case .sendBatchMessage:
            return self.handleSendBatch(request, connection: connection, now: now)
        case .pullMessage:
            return self.handlePull(request, now: now, allowSuspend: true)
        case .consumerSendMsgBack:
            return self.handleSendBack(request, now: now)
        case .endTransaction:
            return BrokerOutcome(request, self.handleEndTransaction(request, now: now))
        case .queryConsumerOffset, .updateConsumerOffset, .getMaxOffset, .getMinOffset, .searchOffsetByTimestamp,
            .getAllConsumerOffset, .getAllDelayOffset:
            return BrokerOutcome(request, self.handleOffsets(request))
        case .heartBeat, .unregisterClient, .getConsumerListByGroup, .getConsumerConnectionList,
            .getProducerConnectionList, .getAllProducerInfo:
            return self.handleClients(request, connection: connection, now: now)
        case .getConsumeStats, .getTopicStatsInfo, .getBrokerRuntimeInfo, .queryTopicConsumeByWho:
            return BrokerOutcome(request, self.handleStats(request, now: now))
        case .viewBrokerStatsData:
            return BrokerOutcome(request, self.handleViewStats(request, now: now))
        case .lockBatchMQ, .unlockBatchMQ:
            return BrokerOutcome(request, self.handleQueueLocks(request, now: now))
        case .invokeBrokerToResetOffset:
            return self.handleResetOffset(request)
        case .getBrokerClusterACLInfo, .updateAndCreateACLConfig:
            return BrokerOutcome(request, self.handleACL(request))
        default:
            return self.handleAdmin(request, now: now)
        }
    }

    /// The response a 4.9.8 broker gives to a code it has no processor for.
    static func notSupported(_ request: RemotingCommand) -> RemotingCommand {
        .reply(request, .requestCodeNotSupported, remark: " request type \(request.code) not supported")
    }

    /// The topic table as registered with the NameServer: with a broker permission lacking read or write,
    /// 4.x registers every topic with that permission instead of its own (`BrokerController.registerBrokerAll`).
    func registeredTopicConfigs(only topic: String? = nil) -> TopicConfigSerializeWrapper {
        let selected = topic.map { name in self.topics[name].map { [$0] } ?? [] } ?? self.topics.values.map { $0 }
        let restricted = !self.brokerPermission.isReadable || !self.brokerPermission.isWritable
        let configs = selected.sorted { $0.topicName < $1.topicName }.map { config in
            restricted
                ? TopicConfig(
                    topicName: config.topicName, readQueueNums: config.readQueueNums,
                    writeQueueNums: config.writeQueueNums, perm: self.brokerPermission)
                : config
        }
        return TopicConfigSerializeWrapper(
            topicConfigTable: OrderedMap(configs.map { ($0.topicName, $0) }), dataVersion: self.topicsVersion)
    }

    /// Bumps the topic table version, as every topic change does.
    mutating func topicsChanged(now: Int64) {
        self.topicsVersion.counter += 1
        self.topicsVersion.timestamp = now
    }

    /// Bumps the group table version.
    mutating func groupsChanged(now: Int64) {
        self.groupsVersion.counter += 1
        self.groupsVersion.timestamp = now
    }

    /// A fresh opaque for a broker-initiated request.
    mutating func takeOpaque() -> Int32 {
        self.nextOpaque &+= 1
        return self.nextOpaque
    }
}
